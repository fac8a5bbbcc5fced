package ai.evo.core.persistence;

import ai.evo.core.domain.agent.AgentSecrets;
import ai.evo.core.domain.common.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Encrypts the secret values inside JSON columns, one ciphertext per value, so the rest of the JSON stays
 * readable and queryable (for example by {@code id}) while no secret is stored in clear:
 * <ul>
 *   <li>{@code agent.config_json}: every value under {@code tools[].envs} and {@code mcp_servers[].envs}, bound
 *       to the field {@code config_json.<list>.<reference id>.envs.<variable>};</li>
 *   <li>{@code tool.environments} and {@code mcp_server.environments}: every value, bound to the field
 *       {@code environments.<variable>}.</li>
 * </ul>
 * The field in the associated data names the reference by id rather than by list position, so reordering the
 * list keeps each ciphertext valid. Thread-safe.
 */
final class JsonSecrets {
    private final SecretCipher cipher;

    JsonSecrets(SecretCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** Returns a copy of an agent config with every env value encrypted for the row. */
    Map<String, Object> encryptAgentConfig(UUID agentId, Map<String, Object> config) {
        return transformAgentConfig(config, (field, value) -> cipher.encrypt("agent", agentId, field,
                Secret.of(value)));
    }

    /** Returns a copy of a stored agent config with every env value decrypted. */
    Map<String, Object> decryptAgentConfig(UUID agentId, Map<String, Object> config) {
        return transformAgentConfig(config, (field, value) -> cipher.decrypt("agent", agentId, field, value)
                .reveal());
    }

    /** Returns a copy of an {@code environments} map with every value encrypted for the row. */
    Map<String, Object> encryptEnvironments(String table, UUID rowId, Map<String, Object> environments) {
        return transformValues(environments, "environments", (field, value) -> cipher.encrypt(table, rowId, field,
                Secret.of(value)));
    }

    /** Returns a copy of a stored {@code environments} map with every value decrypted. */
    Map<String, Object> decryptEnvironments(String table, UUID rowId, Map<String, Object> environments) {
        return transformValues(environments, "environments", (field, value) -> cipher.decrypt(table, rowId, field,
                value).reveal());
    }

    /** Returns every ciphertext in a stored agent config, for key rotation. */
    static List<String> agentConfigCiphertexts(Map<String, Object> config) {
        List<String> found = new ArrayList<>();
        transformAgentConfig(config, (field, value) -> {
            found.add(value);
            return value;
        });
        return found;
    }

    private static Map<String, Object> transformAgentConfig(Map<String, Object> config,
                                                            BiFunction<String, String, String> transform) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        for (String listName : AgentSecrets.LISTS_WITH_ENVS) {
            if (!(copy.get(listName) instanceof List<?> items)) {
                continue;
            }
            List<Object> transformed = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> map && map.get("envs") instanceof Map<?, ?> envs) {
                    Map<String, Object> itemCopy = new LinkedHashMap<>();
                    map.forEach((key, value) -> itemCopy.put(String.valueOf(key), value));
                    String prefix = "config_json." + listName + "." + map.get("id") + ".envs";
                    itemCopy.put("envs", transformValues(stringKeys(envs), prefix, transform));
                    transformed.add(itemCopy);
                } else {
                    transformed.add(item);
                }
            }
            copy.put(listName, transformed);
        }
        return copy;
    }

    private static Map<String, Object> transformValues(Map<String, Object> values, String prefix,
                                                       BiFunction<String, String, String> transform) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(name, value instanceof String text && !text.isEmpty()
                ? transform.apply(prefix + "." + name, text) : value));
        return copy;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
