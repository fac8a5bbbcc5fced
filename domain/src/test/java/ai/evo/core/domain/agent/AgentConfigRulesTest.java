package ai.evo.core.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigRulesTest {
    private static final String A1 = "0190f2a4-6b1c-7d3e-8f40-000000000001";
    private static final String A2 = "0190f2a4-6b1c-7d3e-8f40-000000000002";

    private static List<String> errorFields(AgentType type, Map<String, Object> config) {
        Validator validator = new Validator();
        AgentConfigRules.read(validator, type, config);
        try {
            validator.throwIfInvalid();
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void loopWithEmptySubAgentsIsRejected() {
        assertThat(errorFields(AgentType.LOOP, Map.of("sub_agents", List.of(), "max_iterations", 3)))
                .containsExactly("config_json.sub_agents");
    }

    @Test
    void sequentialWithoutSubAgentsIsRejected() {
        assertThat(errorFields(AgentType.SEQUENTIAL, Map.of())).containsExactly("config_json.sub_agents");
    }

    @Test
    void subAgentsAsStringIsRejected() {
        assertThat(errorFields(AgentType.PARALLEL, Map.of("sub_agents", A1))).containsExactly("config_json.sub_agents");
    }

    @Test
    void badSubAgentIdNamesItsIndex() {
        assertThat(errorFields(AgentType.SEQUENTIAL, Map.of("sub_agents", List.of(A1, A2, "not-a-uuid"))))
                .containsExactly("config_json.sub_agents[2]");
    }

    @Test
    void maxIterationsOutOfRangeOrWrongTypeIsRejected() {
        for (Object bad : List.of(0, -1, 101, "3", 2.5)) {
            assertThat(errorFields(AgentType.LOOP, Map.of("sub_agents", List.of(A1), "max_iterations", bad)))
                    .as("max_iterations %s", bad)
                    .containsExactly("config_json.max_iterations");
        }
    }

    @Test
    void loopDefaultsToFiveIterations() {
        AgentConfig config = AgentConfigRules.read(new Validator(), AgentType.LOOP, Map.of("sub_agents", List.of(A1)));

        assertThat(config.maxIterations()).isEqualTo(5);
        assertThat(config.subAgents()).extracting(reference -> reference.id().toString()).containsExactly(A1);
    }

    @Test
    void llmReadsToolsServersAndHttpTools() {
        Map<String, Object> json = Map.of(
                "tools", List.of(Map.of("id", A1, "envs", Map.of("API_TOKEN", "tok"))),
                "mcp_servers", List.of(Map.of("id", A2, "envs", Map.of(), "tools", List.of("search"))),
                "custom_tools", Map.of("http_tools", List.of(Map.of("name", "orders", "method", "get",
                        "endpoint", "https://api.example.com/orders", "headers", Map.of("X-Key", "v")))),
                "unknown_key", Map.of("kept", true));
        Validator validator = new Validator();

        AgentConfig config = AgentConfigRules.read(validator, AgentType.LLM, json);

        assertThat(validator.isValid()).isTrue();
        assertThat(config.tools()).singleElement().satisfies(tool -> {
            assertThat(tool.id().toString()).isEqualTo(A1);
            assertThat(tool.envs()).containsEntry("API_TOKEN", "tok");
        });
        assertThat(config.mcpServers()).singleElement().satisfies(server ->
                assertThat(server.tools()).containsExactly("search"));
        assertThat(config.httpTools()).containsExactly(
                new AgentConfig.HttpTool("orders", "GET", "https://api.example.com/orders"));
    }

    @Test
    void httpToolNeedsAbsoluteHttpUrl() {
        for (String endpoint : List.of("/relative", "ftp://example.com/x", "https://", "not a url")) {
            Map<String, Object> json = Map.of("custom_tools", Map.of("http_tools",
                    List.of(Map.of("name", "t", "method", "GET", "endpoint", endpoint))));

            assertThat(errorFields(AgentType.LLM, json)).as(endpoint)
                    .containsExactly("config_json.custom_tools.http_tools[0].endpoint");
        }
    }

    @Test
    void envValuesMustBeStrings() {
        Map<String, Object> json = Map.of("tools", List.of(Map.of("id", A1, "envs", Map.of("N", 3))));

        assertThat(errorFields(AgentType.LLM, json)).containsExactly("config_json.tools[0].envs.N");
    }

    @Test
    void nulInsideConfigIsRejectedWithPath() {
        assertThat(errorFields(AgentType.LLM, Map.of("note", "a\u0000b"))).containsExactly("config_json.note");
    }
}
