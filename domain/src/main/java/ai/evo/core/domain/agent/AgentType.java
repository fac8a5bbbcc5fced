package ai.evo.core.domain.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an agent works: it calls a model itself, or it composes sub-agents. */
public enum AgentType {
    /** Calls a language model with its instruction, tools and MCP servers. */
    LLM,
    /** Runs its sub-agents one after another. */
    SEQUENTIAL,
    /** Runs its sub-agents at the same time. */
    PARALLEL,
    /** Runs its sub-agents repeatedly, up to a maximum number of iterations. */
    LOOP;

    /** Returns the stored and transmitted form, such as {@code llm}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the stored and transmitted form.
     *
     * @param wireName for example {@code sequential}
     * @return the type, or empty when the name is unknown
     */
    public static Optional<AgentType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(wireName)).findFirst();
    }
}
