package ai.evo.core.domain.agent;

import ai.evo.core.domain.common.SecretValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets inside an agent's {@code config_json}: the values under {@code tools[].envs} and
 * {@code mcp_servers[].envs}. Reads replace them with masks; writes merge the incoming config with the stored one
 * by the rules of {@link SecretValues}, matching each reference by its {@code id}, so a client can send back the
 * config it read and the stored values survive. Everything else in the config is kept as it is.
 */
public final class AgentSecrets {
    /** The config lists whose items carry {@code envs}. */
    public static final List<String> LISTS_WITH_ENVS = List.of("tools", "mcp_servers");

    private AgentSecrets() {
    }

    /**
     * Copies a config with every env value masked.
     *
     * @param config the stored config with clear values
     * @return the config to show
     */
    public static Map<String, Object> masked(Map<String, Object> config) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        for (String listName : LISTS_WITH_ENVS) {
            if (copy.get(listName) instanceof List<?> items) {
                List<Object> maskedItems = new ArrayList<>();
                for (Object item : items) {
                    maskedItems.add(maskItem(item));
                }
                copy.put(listName, maskedItems);
            }
        }
        return copy;
    }

    /**
     * Merges an incoming config with the stored one. For every item of {@code tools} and {@code mcp_servers}
     * whose {@code id} also appears in the stored config, its {@code envs} are merged with the stored item's:
     * a variable left out is kept, {@code null} removes it, and its mask keeps the stored value. Leaving out
     * {@code envs} altogether keeps every stored variable of that item.
     *
     * @param stored   the stored config with clear values, or an empty map for a new agent
     * @param incoming the config sent by the client
     * @return the config to validate and store
     */
    public static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> incoming) {
        Map<String, Object> merged = new LinkedHashMap<>(incoming);
        for (String listName : LISTS_WITH_ENVS) {
            if (merged.get(listName) instanceof List<?> items) {
                List<Object> mergedItems = new ArrayList<>();
                for (Object item : items) {
                    mergedItems.add(mergeItem(storedEnvsById(stored.get(listName)), item));
                }
                merged.put(listName, mergedItems);
            }
        }
        return merged;
    }

    private static Object maskItem(Object item) {
        if (!(item instanceof Map<?, ?> map) || !(map.get("envs") instanceof Map<?, ?> envs)) {
            return item;
        }
        Map<String, Object> copy = stringKeys(map);
        copy.put("envs", SecretValues.masked(stringKeys(envs)));
        return copy;
    }

    private static Object mergeItem(Map<Object, Map<String, Object>> storedEnvs, Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            return item;
        }
        Map<String, Object> previous = storedEnvs.getOrDefault(map.get("id"), Map.of());
        Map<String, Object> copy = stringKeys(map);
        if (!map.containsKey("envs")) {
            if (!previous.isEmpty()) {
                copy.put("envs", previous);
            }
        } else if (map.get("envs") instanceof Map<?, ?> envs) {
            copy.put("envs", SecretValues.merge(previous, envs));
        }
        return copy;
    }

    private static Map<Object, Map<String, Object>> storedEnvsById(Object storedList) {
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        if (storedList instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map && map.get("envs") instanceof Map<?, ?> envs) {
                    byId.putIfAbsent(map.get("id"), stringKeys(envs));
                }
            }
        }
        return byId;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
