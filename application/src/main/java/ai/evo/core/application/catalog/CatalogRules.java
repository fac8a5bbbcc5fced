package ai.evo.core.application.catalog;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.SecretValues;
import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Input rules and reference handling that tools and MCP servers share. */
final class CatalogRules {
    /** Maximum name length, matching the {@code varchar(255)} column. */
    static final int MAX_NAME_LENGTH = 255;
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    private static final int LISTED_AGENTS = 20;

    private CatalogRules() {
    }

    static void requireAdmin(Caller caller, String action) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins may " + action + "; every signed-in user may read the catalog");
        }
    }

    static Map<String, Object> jsonObject(Validator validator, String field, FieldUpdate<Map<String, Object>> update,
                                          Map<String, Object> current) {
        if (update.isPresent() && update.value() == null) {
            validator.reject(field, "must be an object; send {} for none");
            return current;
        }
        Map<String, Object> value = update.orElse(current);
        StorableText.json(validator, field, value);
        return value;
    }

    /**
     * Merges and checks {@code environments}: variable names as in a shell, values stored as secrets by the
     * rules of {@link SecretValues}.
     */
    static Map<String, Object> environments(Validator validator, FieldUpdate<Map<String, Object>> update,
                                            Map<String, Object> stored) {
        if (!update.isPresent()) {
            return stored;
        }
        if (update.value() == null) {
            validator.reject("environments", "must be an object mapping variable names to descriptions; send {}"
                    + " for none");
            return stored;
        }
        Map<String, Object> merged = SecretValues.merge(stored, update.value());
        Map<String, Object> checked = new LinkedHashMap<>();
        merged.forEach((name, value) -> {
            String field = "environments." + name;
            if (!ENV_NAME.matcher(name).matches()) {
                validator.reject(field, "is not a valid variable name: use letters, digits and _, not starting with"
                        + " a digit");
            }
            String text = SecretValues.check(validator, field, value);
            if (text != null) {
                checked.put(name, text);
            }
        });
        return checked;
    }

    /** Describes the agents that use a catalog entry, for a 409 message. */
    static String describeUsers(List<Agent> agents) {
        String listed = agents.stream()
                .limit(LISTED_AGENTS)
                .map(agent -> agent.name() + " (id " + agent.id() + ", client " + agent.clientId() + ")")
                .collect(Collectors.joining(", "));
        return agents.size() > LISTED_AGENTS ? listed + " and " + (agents.size() - LISTED_AGENTS) + " more" : listed;
    }

    /** Lists the agents whose references a forced delete removed, for the audit entry. */
    static List<Map<String, Object>> referenceSummary(List<Agent> agents) {
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Agent agent : agents) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", agent.id().toString());
            item.put("client_id", agent.clientId().toString());
            item.put("name", agent.name());
            summary.add(item);
        }
        return summary;
    }

    /** Returns the agent with every item of {@code config_json.<listName>} whose id is {@code id} removed. */
    static Agent withoutReference(Agent agent, String listName, String id) {
        Map<String, Object> config = new LinkedHashMap<>(agent.configJson());
        if (config.get(listName) instanceof List<?> items) {
            config.put(listName, items.stream()
                    .filter(item -> !(item instanceof Map<?, ?> map && id.equals(map.get("id"))))
                    .toList());
        }
        return new Agent(agent.id(), agent.clientId(), agent.name(), agent.description(), agent.type(),
                agent.model(), agent.apiKey(), agent.instruction(), config, agent.createdAt(), agent.updatedAt());
    }
}
