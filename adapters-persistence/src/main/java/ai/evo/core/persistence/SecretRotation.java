package ai.evo.core.persistence;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the key that encrypts secrets at rest: adds a new AES-256-GCM key to the keyset file as its primary,
 * then re-encrypts every stored secret with it, in batches of rows that each commit on their own.
 *
 * <p>Old keys stay in the keyset, so every ciphertext stays readable during and after the rotation, and a running
 * service keeps serving: it re-reads the keyset file when it changes ({@link WatchedKeyset}) and from then on
 * encrypts with the new key. A row whose secrets are all under the new primary key is skipped, so a run that was
 * interrupted can simply be started again: the file {@code <keyset>.rotating} records the key being rotated to,
 * and a new run finishes that rotation instead of adding yet another key. Re-encrypting changes a row's
 * {@code updated_at}, and with it its ETag. Not thread-safe: run one rotation at a time.
 */
public final class SecretRotation {
    /** Rows re-encrypted per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 200;

    private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);
    private static final String STATE_SUFFIX = ".rotating";

    private final Jdbi jdbi;
    private final Path keysetFile;
    private final int batchSize;

    /**
     * Summary of a finished rotation.
     *
     * @param primaryKeyId  the id of the key every secret is now encrypted with
     * @param rowsRewritten rows whose secrets were re-encrypted
     * @param rowsSkipped   rows already under the primary key, or without secrets
     */
    public record Result(int primaryKeyId, int rowsRewritten, int rowsSkipped) {
    }

    /**
     * Prepares a rotation.
     *
     * @param dataSource connections to the migrated database
     * @param keysetFile the secrets keyset file the service uses
     * @param batchSize  rows per transaction, at least 1
     */
    public SecretRotation(DataSource dataSource, Path keysetFile, int batchSize) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        this.keysetFile = Objects.requireNonNull(keysetFile, "keysetFile");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Runs the rotation to its end.
     *
     * @return what was done
     * @throws IllegalStateException when the keyset file cannot be read or written, or a stored secret cannot be
     *                               decrypted with any key of the keyset
     */
    public Result run() {
        KeysetHandle keyset = prepareKeyset();
        int primary = keyset.getPrimary().getId();
        SecretCipher cipher = new SecretCipher(keyset);
        JsonSecrets secrets = new JsonSecrets(cipher);
        JsonCodec json = new JsonCodec();
        int[] counts = new int[2];
        rotateTable("agent", primary, counts, (handle, id) -> rotateAgent(handle, id, cipher, secrets, json, primary));
        rotateTable("tool", primary, counts, (handle, id) -> rotateEnvironments(handle, "tool", id, secrets, json,
                primary));
        rotateTable("mcp_server", primary, counts, (handle, id) -> rotateEnvironments(handle, "mcp_server", id,
                secrets, json, primary));
        deleteState();
        log.info("Secrets key rotation finished: primary key {}, {} rows re-encrypted, {} rows already current",
                Integer.toUnsignedString(primary), counts[0], counts[1]);
        return new Result(primary, counts[0], counts[1]);
    }

    private interface RowRotation {
        boolean rotate(Handle handle, UUID id);
    }

    private void rotateTable(String table, int primary, int[] counts, RowRotation rotation) {
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<UUID> ids = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM " + table
                            + " WHERE id > :after ORDER BY id LIMIT :limit")
                    .bind("after", from)
                    .bind("limit", batchSize)
                    .mapTo(UUID.class)
                    .list());
            if (ids.isEmpty()) {
                return;
            }
            int[] batch = jdbi.inTransaction(handle -> {
                int[] result = new int[2];
                for (UUID id : ids) {
                    result[rotation.rotate(handle, id) ? 0 : 1]++;
                }
                return result;
            });
            counts[0] += batch[0];
            counts[1] += batch[1];
            after = ids.get(ids.size() - 1);
            log.info("Secrets key rotation: {} rows of {} done up to id {} (key {})", batch[0] + batch[1], table,
                    after, Integer.toUnsignedString(primary));
        }
    }

    private static boolean rotateAgent(Handle handle, UUID id, SecretCipher cipher, JsonSecrets secrets,
                                       JsonCodec json, int primary) {
        Optional<Map<String, Object>> row = handle.createQuery(
                        "SELECT api_key, config_json::text AS config_json FROM agent WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .mapToMap()
                .findOne();
        if (row.isEmpty()) {
            return false;
        }
        String apiKey = (String) row.get().get("api_key");
        Map<String, Object> config = json.readMap("agent.config_json", (String) row.get().get("config_json"));
        List<String> ciphertexts = new ArrayList<>(JsonSecrets.agentConfigCiphertexts(config));
        if (apiKey != null) {
            ciphertexts.add(apiKey);
        }
        if (ciphertexts.stream().allMatch(text -> keyIdOf(text) == primary)) {
            return false;
        }
        String newKey = apiKey == null ? null
                : cipher.encrypt("agent", id, "api_key", cipher.decrypt("agent", id, "api_key", apiKey));
        Map<String, Object> newConfig = secrets.encryptAgentConfig(id, secrets.decryptAgentConfig(id, config));
        handle.createUpdate("UPDATE agent SET api_key = :apiKey, config_json = CAST(:config AS jsonb) WHERE id = :id")
                .bind("apiKey", newKey)
                .bind("config", json.write("config_json", newConfig))
                .bind("id", id)
                .execute();
        return true;
    }

    private static boolean rotateEnvironments(Handle handle, String table, UUID id, JsonSecrets secrets,
                                              JsonCodec json, int primary) {
        Optional<String> stored = handle.createQuery("SELECT environments::text FROM " + table
                        + " WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
        if (stored.isEmpty()) {
            return false;
        }
        Map<String, Object> environments = json.readMap(table + ".environments", stored.get());
        boolean current = environments.values().stream()
                .allMatch(value -> !(value instanceof String text) || keyIdOf(text) == primary);
        if (current) {
            return false;
        }
        Map<String, Object> rotated = secrets.encryptEnvironments(table, id,
                secrets.decryptEnvironments(table, id, environments));
        handle.createUpdate("UPDATE " + table + " SET environments = CAST(:environments AS jsonb) WHERE id = :id")
                .bind("environments", json.write("environments", rotated))
                .bind("id", id)
                .execute();
        return true;
    }

    /**
     * Returns the id of the Tink key that made a stored ciphertext: Tink's output prefix is a version byte
     * followed by the 4-byte key id. Returns -1 for anything that is not in that form.
     */
    static int keyIdOf(String stored) {
        if (!stored.startsWith(SecretCipher.PREFIX)) {
            return -1;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(SecretCipher.PREFIX.length()));
            return bytes.length > 5 && bytes[0] == 1 ? ByteBuffer.wrap(bytes, 1, 4).getInt() : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Adds a new primary key, or returns the keyset of an interrupted rotation unchanged. */
    private KeysetHandle prepareKeyset() {
        KeysetHandle keyset = SecretKeysets.load(keysetFile);
        Path state = stateFile();
        if (Files.exists(state)) {
            log.info("Resuming the interrupted secrets key rotation recorded in {} (primary key {})", state,
                    Integer.toUnsignedString(keyset.getPrimary().getId()));
            return keyset;
        }
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            // The keyset is written before the state file: an interruption between the two only makes the next
            // run add one more key, while the reverse order could make it resume towards the old primary.
            writeAtomically(keysetFile, TinkJsonProtoKeysetFormat.serializeKeyset(rotated,
                    InsecureSecretKeyAccess.get()));
            writeAtomically(state, Integer.toString(rotated.getPrimary().getId()));
            log.info("Added key {} to {} as the new primary; re-encrypting stored secrets",
                    Integer.toUnsignedString(rotated.getPrimary().getId()), keysetFile);
            return rotated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("failed to add a new key to the secrets keyset " + keysetFile + ": "
                    + e.getMessage(), e);
        }
    }

    private Path stateFile() {
        return keysetFile.resolveSibling(keysetFile.getFileName() + STATE_SUFFIX);
    }

    private void deleteState() {
        try {
            Files.deleteIfExists(stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to delete " + stateFile() + " after the rotation finished; delete"
                    + " it by hand before the next rotation", e);
        }
    }

    /** Writes a file with mode 0600 through a temporary file and an atomic rename, so readers never see half. */
    private static void writeAtomically(Path file, String content) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(directory, ".keyset-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + file + ": " + e.getMessage(), e);
        }
    }
}
