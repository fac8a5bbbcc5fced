package ai.evo.core.domain.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds cycles among agents that run each other as sub-agents. A cycle would make an agent run forever, and a
 * sub-agent reference in JSON has no foreign key to prevent it, so every create and update checks here.
 */
public final class AgentGraph {

    private AgentGraph() {
    }

    /**
     * Looks for a path from the proposed sub-agents of {@code agent} back to {@code agent} itself.
     *
     * @param agent          the agent being saved
     * @param newSubAgents   the sub-agents it will have
     * @param storedSubAgents the stored sub-agents of any other agent of the same client
     * @return the cycle as a list of agents starting and ending with {@code agent}, or empty when there is none
     */
    public static Optional<List<AgentId>> findCycle(AgentId agent, List<AgentId> newSubAgents,
                                                    Function<AgentId, List<AgentId>> storedSubAgents) {
        Set<AgentId> explored = new HashSet<>();
        for (AgentId child : newSubAgents) {
            List<AgentId> path = new ArrayList<>();
            path.add(agent);
            if (reaches(child, agent, storedSubAgents, explored, path)) {
                return Optional.of(List.copyOf(path));
            }
        }
        return Optional.empty();
    }

    private static boolean reaches(AgentId current, AgentId target, Function<AgentId, List<AgentId>> subAgentsOf,
                                   Set<AgentId> explored, List<AgentId> path) {
        path.add(current);
        if (current.equals(target)) {
            return true;
        }
        if (explored.add(current)) {
            for (AgentId next : subAgentsOf.apply(current)) {
                if (reaches(next, target, subAgentsOf, explored, path)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}
