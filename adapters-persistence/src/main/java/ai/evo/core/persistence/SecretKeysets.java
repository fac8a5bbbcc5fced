package ai.evo.core.persistence;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and creates the Tink keyset that encrypts secrets at rest, such as agent API keys. The file is a
 * clear-text Tink JSON keyset, so it must be readable only by the service user: a file this class creates has
 * mode 0600. Losing the file makes every stored secret unreadable.
 */
public final class SecretKeysets {
    private static final Logger log = LoggerFactory.getLogger(SecretKeysets.class);

    private SecretKeysets() {
    }

    /**
     * Generates a keyset with one AES-256-GCM key, in memory only.
     *
     * @return the new keyset
     */
    public static KeysetHandle generate() {
        try {
            AeadConfig.register();
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("failed to generate an AES-256-GCM keyset: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a Tink JSON keyset file.
     *
     * @param file the keyset file
     * @return the keyset
     * @throws IllegalStateException when the file is missing, unreadable or not a Tink JSON keyset; the message
     *                               names the path
     */
    public static KeysetHandle load(Path file) {
        Objects.requireNonNull(file, "file");
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("secrets keyset file not found: " + file
                    + "; restore it from backup, or let the service create a new one only if no secret is stored yet",
                    e);
        } catch (IOException e) {
            throw new IllegalStateException("failed to read secrets keyset file " + file + ": " + e.getMessage(), e);
        }
        warnIfShared(file);
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // The parser's message may quote the file's content, so only the exception type is kept.
            throw new IllegalStateException("secrets keyset file " + file + " is not a valid Tink JSON keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Reads a keyset file, or creates it with a new AES-256-GCM keyset and mode 0600 when it does not exist.
     *
     * @param file the keyset file; its directory must exist
     * @return the keyset
     * @throws IllegalStateException when an existing file is not a Tink JSON keyset
     * @throws UncheckedIOException  when the file cannot be written
     */
    public static KeysetHandle loadOrCreate(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.exists(file)) {
            return load(file);
        }
        KeysetHandle keyset = generate();
        String json;
        try {
            json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("failed to serialize a new keyset: " + e.getMessage(), e);
        }
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        // NOTE: needs a POSIX file system with hard links; elsewhere the calls below raise
        // UnsupportedOperationException, and the keyset must be created by hand.
        try {
            temporary = Files.createTempFile(directory, ".keyset-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            // A hard link appears complete or not at all and fails when the name exists, so two processes that
            // start together never read a half-written file, and both end up with the keyset that won.
            Files.createLink(file, temporary);
            log.info("Created a new secrets keyset file {} with mode 0600", file);
            return keyset;
        } catch (FileAlreadyExistsException e) {
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to create secrets keyset file " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            boolean shared = permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"));
            if (shared) {
                log.warn("Secrets keyset file {} is accessible to other users (mode {}); run chmod 600 on it", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Cannot read the permissions of secrets keyset file {}", file, e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            log.warn("Failed to delete the temporary keyset file {}; delete it by hand", temporary, e);
        }
    }
}
