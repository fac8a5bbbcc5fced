package ai.evo.core.domain.agent;

import ai.evo.core.domain.common.SecretValues;
import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.tool.ToolId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the shape of an agent's {@code config_json} for its type and reads the references out of it. This
 * checks only what the JSON itself can show; whether the referenced agents, tools and servers exist is for the
 * use case to check against the stores. Keys not listed here are allowed and kept.
 *
 * <ul>
 *   <li>{@code llm}: optional {@code tools} ({@code [{id, envs}]}), {@code mcp_servers}
 *       ({@code [{id, envs, tools}]}), {@code custom_tools.http_tools} and {@code sub_agents}.</li>
 *   <li>{@code sequential} and {@code parallel}: one or more {@code sub_agents}.</li>
 *   <li>{@code loop}: one or more {@code sub_agents} and {@code max_iterations} from 1 to 100, default 5.</li>
 * </ul>
 */
public final class AgentConfigRules {
    /** Iterations of a loop agent when its config names none. */
    public static final int DEFAULT_MAX_ITERATIONS = 5;
    /** Largest accepted {@code max_iterations}. */
    public static final int MAX_ITERATIONS_LIMIT = 100;

    private static final String ROOT = "config_json";
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private AgentConfigRules() {
    }

    /**
     * Validates a config for an agent type, recording every broken rule.
     *
     * @param validator collects errors; field paths start with {@code config_json}
     * @param type      the agent's type
     * @param config    the config as JSON-compatible maps and lists
     * @return the references read from the config; meaningful only when the validator recorded no error
     */
    public static AgentConfig read(Validator validator, AgentType type, Map<String, Object> config) {
        StorableText.json(validator, ROOT, config);
        boolean needsSubAgents = type != AgentType.LLM;
        List<AgentConfig.SubAgentReference> subAgents = readSubAgents(validator, config, needsSubAgents);
        List<AgentConfig.ToolReference> tools = List.of();
        List<AgentConfig.McpServerReference> servers = List.of();
        List<AgentConfig.HttpTool> httpTools = List.of();
        if (type == AgentType.LLM) {
            tools = readTools(validator, config.get("tools"));
            servers = readMcpServers(validator, config.get("mcp_servers"));
            httpTools = readHttpTools(validator, config.get("custom_tools"));
        }
        int maxIterations = type == AgentType.LOOP ? readMaxIterations(validator, config) : 0;
        return new AgentConfig(subAgents, tools, servers, httpTools, maxIterations);
    }

    private static List<AgentConfig.SubAgentReference> readSubAgents(Validator validator, Map<String, Object> config,
                                                                     boolean required) {
        String field = ROOT + ".sub_agents";
        Object value = config.get("sub_agents");
        if (value == null) {
            if (required) {
                validator.reject(field, "is required: list one or more agent ids of the same client");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            validator.reject(field, "must be a list of agent ids, such as [\"<uuid>\"]");
            return List.of();
        }
        if (required && list.isEmpty()) {
            validator.reject(field, "must list at least one agent id");
        }
        List<AgentConfig.SubAgentReference> references = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemField = field + "[" + i + "]";
            parseUuid(validator, itemField, list.get(i))
                    .ifPresent(id -> references.add(new AgentConfig.SubAgentReference(new AgentId(id), itemField)));
        }
        return references;
    }

    private static int readMaxIterations(Validator validator, Map<String, Object> config) {
        String field = ROOT + ".max_iterations";
        Object value = config.get("max_iterations");
        if (value == null) {
            return DEFAULT_MAX_ITERATIONS;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            validator.reject(field, "must be a whole number from 1 to " + MAX_ITERATIONS_LIMIT);
            return DEFAULT_MAX_ITERATIONS;
        }
        long iterations = ((Number) value).longValue();
        if (iterations < 1 || iterations > MAX_ITERATIONS_LIMIT) {
            validator.reject(field, "must be from 1 to " + MAX_ITERATIONS_LIMIT + ", got " + iterations);
            return DEFAULT_MAX_ITERATIONS;
        }
        return (int) iterations;
    }

    private static List<AgentConfig.ToolReference> readTools(Validator validator, Object value) {
        List<AgentConfig.ToolReference> references = new ArrayList<>();
        forEachObject(validator, ROOT + ".tools", value, (field, item) -> parseUuid(validator, field + ".id",
                item.get("id")).ifPresent(id -> references.add(new AgentConfig.ToolReference(new ToolId(id),
                        readEnvs(validator, field + ".envs", item.get("envs")), field))));
        return references;
    }

    private static List<AgentConfig.McpServerReference> readMcpServers(Validator validator, Object value) {
        List<AgentConfig.McpServerReference> references = new ArrayList<>();
        forEachObject(validator, ROOT + ".mcp_servers", value, (field, item) -> {
            Map<String, String> envs = readEnvs(validator, field + ".envs", item.get("envs"));
            List<String> tools = readNames(validator, field + ".tools", item.get("tools"));
            parseUuid(validator, field + ".id", item.get("id")).ifPresent(id -> references.add(
                    new AgentConfig.McpServerReference(new McpServerId(id), envs, tools, field)));
        });
        return references;
    }

    private static List<AgentConfig.HttpTool> readHttpTools(Validator validator, Object customTools) {
        if (customTools == null) {
            return List.of();
        }
        if (!(customTools instanceof Map<?, ?> map)) {
            validator.reject(ROOT + ".custom_tools", "must be an object such as {\"http_tools\": []}");
            return List.of();
        }
        List<AgentConfig.HttpTool> tools = new ArrayList<>();
        forEachObject(validator, ROOT + ".custom_tools.http_tools", map.get("http_tools"), (field, item) -> {
            String name = requireString(validator, field + ".name", item.get("name"));
            String method = requireString(validator, field + ".method", item.get("method"));
            String endpoint = requireString(validator, field + ".endpoint", item.get("endpoint"));
            if (method != null && !HTTP_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
                validator.reject(field + ".method", "must be one of " + String.join(", ", HTTP_METHODS.stream()
                        .sorted().toList()));
            }
            if (endpoint != null && !isAbsoluteHttpUrl(endpoint)) {
                validator.reject(field + ".endpoint", "must be an absolute http or https URL such as"
                        + " https://api.example.com/orders");
            }
            for (String optionalObject : List.of("headers", "parameters", "error_handling")) {
                Object nested = item.get(optionalObject);
                if (nested != null && !(nested instanceof Map<?, ?>)) {
                    validator.reject(field + "." + optionalObject, "must be an object");
                }
            }
            if (name != null && method != null && endpoint != null) {
                tools.add(new AgentConfig.HttpTool(name, method.toUpperCase(Locale.ROOT), endpoint));
            }
        });
        return tools;
    }

    private static Map<String, String> readEnvs(Validator validator, String field, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            validator.reject(field, "must be an object mapping variable names to values");
            return Map.of();
        }
        Map<String, String> envs = new LinkedHashMap<>();
        map.forEach((key, envValue) -> {
            String text = SecretValues.check(validator, field + "." + key, envValue);
            if (text != null) {
                envs.put(String.valueOf(key), text);
            }
        });
        return envs;
    }

    private static List<String> readNames(Validator validator, String field, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            validator.reject(field, "must be a list of tool names");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String name = requireString(validator, field + "[" + i + "]", list.get(i));
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private interface ObjectVisitor {
        void visit(String field, Map<?, ?> item);
    }

    private static void forEachObject(Validator validator, String field, Object value, ObjectVisitor visitor) {
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> list)) {
            validator.reject(field, "must be a list of objects");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemField = field + "[" + i + "]";
            if (list.get(i) instanceof Map<?, ?> item) {
                visitor.visit(itemField, item);
            } else {
                validator.reject(itemField, "must be an object");
            }
        }
    }

    private static String requireString(Validator validator, String field, Object value) {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        validator.reject(field, value == null ? "is required" : "must be a non-empty string");
        return null;
    }

    private static Optional<UUID> parseUuid(Validator validator, String field, Object value) {
        if (value instanceof String text) {
            try {
                UUID id = UUID.fromString(text);
                if (id.toString().equalsIgnoreCase(text)) {
                    return Optional.of(id);
                }
            } catch (IllegalArgumentException e) {
                // Reported below with the field path.
            }
        }
        validator.reject(field, "must be an id in UUID form, such as 0190f2a4-6b1c-7d3e-8f40-123456789abc");
        return Optional.empty();
    }

    private static boolean isAbsoluteHttpUrl(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
