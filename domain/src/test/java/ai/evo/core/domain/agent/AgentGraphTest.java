package ai.evo.core.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentGraphTest {
    private static final AgentId SEQ1 = new AgentId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final AgentId SEQ2 = new AgentId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
    private static final AgentId SEQ3 = new AgentId(UUID.fromString("00000000-0000-7000-8000-000000000003"));
    private static final AgentId LEAF = new AgentId(UUID.fromString("00000000-0000-7000-8000-000000000004"));

    @Test
    void selfReferenceIsACycle() {
        assertThat(AgentGraph.findCycle(SEQ1, List.of(SEQ1), id -> List.of())).contains(List.of(SEQ1, SEQ1));
    }

    @Test
    void indirectCycleIsNamedInOrder() {
        Map<AgentId, List<AgentId>> stored = Map.of(SEQ2, List.of(SEQ3), SEQ3, List.of(SEQ1));

        assertThat(AgentGraph.findCycle(SEQ1, List.of(LEAF, SEQ2), id -> stored.getOrDefault(id, List.of())))
                .contains(List.of(SEQ1, SEQ2, SEQ3, SEQ1));
    }

    @Test
    void sharedSubAgentIsNoCycle() {
        Map<AgentId, List<AgentId>> stored = Map.of(SEQ2, List.of(LEAF), SEQ3, List.of(LEAF));

        assertThat(AgentGraph.findCycle(SEQ1, List.of(SEQ2, SEQ3), id -> stored.getOrDefault(id, List.of())))
                .isEmpty();
    }

    @Test
    void cycleNotThroughAgentIsIgnored() {
        Map<AgentId, List<AgentId>> stored = Map.of(SEQ2, List.of(SEQ3), SEQ3, List.of(SEQ2));

        assertThat(AgentGraph.findCycle(SEQ1, List.of(SEQ2), id -> stored.getOrDefault(id, List.of()))).isEmpty();
    }
}
