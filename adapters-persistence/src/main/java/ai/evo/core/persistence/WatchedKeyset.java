package ai.evo.core.persistence;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets keyset of a running service, read again from its file whenever the file's modification time
 * changes. Key rotation writes a new primary key into the file while the service runs. From its next secret on,
 * the service encrypts with the new key and can decrypt what the rotation re-encrypted. If the file becomes
 * unreadable, the keyset last read stays in use and the failure is logged. Thread-safe.
 */
public final class WatchedKeyset implements Supplier<KeysetHandle> {
    private static final Logger log = LoggerFactory.getLogger(WatchedKeyset.class);

    private final Path file;
    private volatile Loaded current;

    private record Loaded(KeysetHandle keyset, FileTime modified) {
    }

    /**
     * Starts watching a keyset file that the caller has already read.
     *
     * @param file    the keyset file
     * @param keyset  the keyset read from it
     */
    public WatchedKeyset(Path file, KeysetHandle keyset) {
        this.file = Objects.requireNonNull(file, "file");
        this.current = new Loaded(Objects.requireNonNull(keyset, "keyset"), modifiedTime());
    }

    @Override
    public KeysetHandle get() {
        Loaded loaded = current;
        FileTime modified = modifiedTime();
        if (modified == null || modified.equals(loaded.modified())) {
            return loaded.keyset();
        }
        synchronized (this) {
            if (!modified.equals(current.modified())) {
                try {
                    current = new Loaded(SecretKeysets.load(file), modified);
                    log.info("Reloaded the secrets keyset from {}; its primary key is now {}", file,
                            Integer.toUnsignedString(current.keyset().getPrimary().getId()));
                } catch (RuntimeException e) {
                    log.error("Failed to reload the changed secrets keyset {}; still using the keyset read before: {}",
                            file, e.getMessage());
                    current = new Loaded(current.keyset(), modified);
                }
            }
            return current.keyset();
        }
    }

    private FileTime modifiedTime() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
