package ai.evo.core.application.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.catalog.McpServerInput;
import ai.evo.core.application.catalog.McpServerService;
import ai.evo.core.application.catalog.ToolInput;
import ai.evo.core.application.catalog.ToolService;
import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EntityTag;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.PreconditionFailedException;
import ai.evo.core.domain.common.UnprocessableException;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.InMemoryAgentRepository;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
import ai.evo.core.domain.testing.InMemoryClientRepository;
import ai.evo.core.domain.testing.InMemoryMcpServerRepository;
import ai.evo.core.domain.testing.InMemoryToolRepository;
import ai.evo.core.domain.testing.SequentialIds;
import ai.evo.core.domain.testing.TickingClock;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class AgentServiceTest {
    private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "curl/8.5");
    private static final Caller ADMIN = new Caller(new UserId(UUID.randomUUID()), true, null, ORIGIN);
    private static final String API_KEY = "sk-test-AAAAAAAAAAAAAAAA";
    private static final String TOKEN = "tok-test-BBBBBBBB";

    private InMemoryAgentRepository agents;
    private InMemoryAuditTrail trail;
    private AgentService service;
    private ToolService toolService;
    private McpServerService serverService;
    private Client clientA;
    private Client clientB;
    private Caller userA;
    private Caller userB;

    @BeforeEach
    void setUp() {
        TickingClock clock = new TickingClock(Instant.parse("2026-03-01T10:00:00Z"));
        InMemoryClientRepository clients = new InMemoryClientRepository(clock);
        InMemoryToolRepository tools = new InMemoryToolRepository(clock);
        InMemoryMcpServerRepository servers = new InMemoryMcpServerRepository(clock);
        agents = new InMemoryAgentRepository(clock);
        trail = new InMemoryAuditTrail(clock);
        SequentialIds ids = new SequentialIds();
        AuditRecorder audit = new AuditRecorder(trail, ids);
        DirectTransactions transactions = new DirectTransactions();
        service = new AgentService(transactions, agents, clients, tools, servers, audit, ids);
        toolService = new ToolService(transactions, tools, agents, audit, ids);
        serverService = new McpServerService(transactions, servers, agents, audit, ids);
        clientA = clients.insert(new ClientId(ids.newId()), ClientDetails.of("Acme", "a@example.test"));
        clientB = clients.insert(new ClientId(ids.newId()), ClientDetails.of("Globex", "b@example.test"));
        userA = new Caller(new UserId(UUID.randomUUID()), false, clientA.id(), ORIGIN);
        userB = new Caller(new UserId(UUID.randomUUID()), false, clientB.id(), ORIGIN);
    }

    private static AgentInput input(String name, String type, String model, String apiKey,
                                    Map<String, Object> config) {
        return new AgentInput(Optional.empty(), FieldUpdate.set(name), FieldUpdate.keep(), FieldUpdate.set(type),
                model == null ? FieldUpdate.keep() : FieldUpdate.set(model),
                apiKey == null ? FieldUpdate.keep() : FieldUpdate.set(apiKey), FieldUpdate.keep(),
                config == null ? FieldUpdate.keep() : FieldUpdate.set(config));
    }

    private static AgentInput configOnly(Map<String, Object> config) {
        return new AgentInput(Optional.empty(), FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.keep(),
                FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.set(config));
    }

    private static AgentInput apiKeyOnly(FieldUpdate<String> apiKey) {
        return new AgentInput(Optional.empty(), FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.keep(),
                FieldUpdate.keep(), apiKey, FieldUpdate.keep(), FieldUpdate.keep());
    }

    private Agent llm(Caller caller, String name) {
        return service.create(caller, input(name, "llm", "gpt-4o", API_KEY, Map.of()));
    }

    private Agent sequential(Caller caller, String name, Agent... subAgents) {
        List<String> ids = java.util.Arrays.stream(subAgents).map(agent -> agent.id().toString()).toList();
        return service.create(caller, input(name, "sequential", null, null, Map.of("sub_agents", ids)));
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static List<String> fields(UnprocessableException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void createLlmAgentStoresKeyAndAuditsMask() {
        Agent agent = llm(userA, "support");

        assertThat(agent.clientId()).isEqualTo(clientA.id());
        assertThat(agent.apiKey().reveal()).isEqualTo(API_KEY);
        AuditEntry entry = trail.entries().get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.clientId()).isEqualTo(clientA.id());
        Map<String, Object> after = (Map<String, Object>) entry.details().get("after");
        assertThat(after).containsEntry("api_key", "****AAAA");
        assertThat(after).containsEntry("api_key_set", true);
        assertThat(entry.details().toString()).doesNotContain("sk-test-A");
    }

    @Test
    void llmAgentNeedsModelAndApiKey() {
        ValidationException e = (ValidationException) catchThrowable(() ->
                service.create(userA, input("bot", "llm", null, null, Map.of())));

        assertThat(fields(e)).contains("model", "api_key");
        assertThat(agents.all()).isEmpty();
    }

    @Test
    void invalidShapesNameTheFieldPath() {
        Agent a1 = llm(userA, "a1");
        List<AgentInput> bad = List.of(
                input("loop1", "loop", null, null, Map.of("sub_agents", List.of(), "max_iterations", 3)),
                input("seq", "sequential", null, null, Map.of()),
                input("seq", "sequential", null, null, Map.of("sub_agents", a1.id().toString())),
                input("loop0", "loop", null, null, Map.of("sub_agents", List.of(a1.id().toString()),
                        "max_iterations", 0)),
                input("loopm", "loop", null, null, Map.of("sub_agents", List.of(a1.id().toString()),
                        "max_iterations", -1)),
                input("loops", "loop", null, null, Map.of("sub_agents", List.of(a1.id().toString()),
                        "max_iterations", "3")),
                input("my agent", "llm", "m", "k-123456789", Map.of()),
                input("bot", "robot", null, null, Map.of()));
        List<String> expectedFields = List.of("config_json.sub_agents", "config_json.sub_agents",
                "config_json.sub_agents", "config_json.max_iterations", "config_json.max_iterations",
                "config_json.max_iterations", "name", "type");

        for (int i = 0; i < bad.size(); i++) {
            AgentInput agentInput = bad.get(i);
            ValidationException e = (ValidationException) catchThrowable(() -> service.create(userA, agentInput));
            assertThat(fields(e)).as("case %d", i).contains(expectedFields.get(i));
        }
        assertThat(agents.all()).containsExactly(a1);
    }

    @Test
    void selfReferenceIsCycle() {
        Agent a1 = llm(userA, "a1");
        Agent seq1 = sequential(userA, "seq1", a1);

        UnprocessableException e = (UnprocessableException) catchThrowable(() ->
                service.update(userA, seq1.id(), configOnly(Map.of("sub_agents", List.of(seq1.id().toString()))),
                        Optional.empty()));

        assertThat(fields(e)).containsExactly("config_json.sub_agents");
        assertThat(e.errors().get(0).message()).contains("seq1 -> seq1");
        assertThat(agents.findById(clientA.id(), seq1.id())).contains(seq1);
    }

    @Test
    void twoAgentCycleIsNamed() {
        Agent a1 = llm(userA, "a1");
        Agent seq1 = sequential(userA, "seq1", a1);
        Agent seq2 = sequential(userA, "seq2", seq1);

        UnprocessableException e = (UnprocessableException) catchThrowable(() ->
                service.update(userA, seq1.id(), configOnly(Map.of("sub_agents", List.of(seq2.id().toString()))),
                        Optional.empty()));

        assertThat(e.errors().get(0).message()).contains("seq1 -> seq2 -> seq1");
        assertThat(agents.findById(clientA.id(), seq1.id())).contains(seq1);
    }

    @Test
    void otherTenantSubAgentLooksLikeRandomId() {
        Agent b1 = llm(userB, "b1");
        String random = "00000000-0000-4000-8000-0000000000ff";

        UnprocessableException foreign = (UnprocessableException) catchThrowable(() ->
                service.create(userA, input("s", "sequential", null, null,
                        Map.of("sub_agents", List.of(b1.id().toString())))));
        UnprocessableException missing = (UnprocessableException) catchThrowable(() ->
                service.create(userA, input("s", "sequential", null, null,
                        Map.of("sub_agents", List.of(random)))));

        assertThat(fields(foreign)).containsExactly("config_json.sub_agents[0]");
        assertThat(fields(missing)).containsExactly("config_json.sub_agents[0]");
        assertThat(foreign.errors().get(0).message().replace(b1.id().toString(), "ID"))
                .isEqualTo(missing.errors().get(0).message().replace(random, "ID"));
        assertThat(agents.all()).containsExactly(b1);
    }

    @Test
    void deleteOfUsedSubAgentNamesUsers() {
        Agent a1 = llm(userA, "a1");
        sequential(userA, "seq1", a1);

        assertThatThrownBy(() -> service.delete(userA, a1.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("seq1");
        assertThat(agents.findById(clientA.id(), a1.id())).isPresent();
    }

    @Test
    void otherTenantAgentIsNotFound() {
        Agent b1 = llm(userB, "b1");
        AgentInput rename = input("renamed_by_a", "llm", "m", "k-123456789", Map.of());

        assertThatThrownBy(() -> service.get(userA, b1.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("agent not found");
        assertThatThrownBy(() -> service.update(userA, b1.id(), rename, Optional.empty()))
                .isInstanceOf(NotFoundException.class).hasMessage("agent not found");
        assertThatThrownBy(() -> service.delete(userA, b1.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("agent not found");
        assertThatThrownBy(() -> service.get(userA, new AgentId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class).hasMessage("agent not found");
        assertThat(agents.all()).containsExactly(b1);
    }

    @Test
    void bodyClientIdCannotPlantOrMove() {
        Agent a1 = llm(userA, "a1");
        AgentInput planted = new AgentInput(Optional.of(clientB.id()), FieldUpdate.set("planted"),
                FieldUpdate.keep(), FieldUpdate.set("llm"), FieldUpdate.set("m"), FieldUpdate.set("k-123456789"),
                FieldUpdate.keep(), FieldUpdate.keep());
        AgentInput move = new AgentInput(Optional.of(clientB.id()), FieldUpdate.keep(), FieldUpdate.keep(),
                FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.keep());

        assertThatThrownBy(() -> service.create(userA, planted)).isInstanceOf(NotFoundException.class)
                .hasMessage("client not found");
        assertThatThrownBy(() -> service.update(userA, a1.id(), move, Optional.empty()))
                .isInstanceOf(NotFoundException.class).hasMessage("client not found");
        assertThat(agents.all()).containsExactly(a1);
    }

    @Test
    void mixedClientFilterReturnsOwnRows() {
        Agent a1 = llm(userA, "a1");
        llm(userB, "b1");

        Page<Agent> mixed = service.list(userA, new AgentFilter(Set.of(clientA.id(), clientB.id()),
                Optional.empty(), Optional.empty()), PageRequest.first());
        Page<Agent> foreign = service.list(userA, new AgentFilter(Set.of(clientB.id()), Optional.empty(),
                Optional.empty()), PageRequest.first());

        assertThat(mixed.items()).containsExactly(a1);
        assertThat(foreign.items()).isEmpty();
    }

    @Test
    void listFiltersByTypeAndPrefixWithPages() {
        Agent a1 = llm(userA, "support_a");
        Agent a2 = llm(userA, "support_b");
        llm(userA, "sales");
        sequential(userA, "support_seq", a1);

        Page<Agent> first = service.list(userA, new AgentFilter(Set.of(), Optional.of("llm"),
                Optional.of("support")), new PageRequest(1, Optional.empty()));
        Page<Agent> second = service.list(userA, new AgentFilter(Set.of(), Optional.of("llm"),
                Optional.of("support")), new PageRequest(1, first.next()));

        assertThat(first.items()).containsExactly(a1);
        assertThat(second.items()).containsExactly(a2);
        assertThat(second.next()).isEmpty();
        assertThatThrownBy(() -> service.list(userA, new AgentFilter(Set.of(), Optional.of("robot"),
                Optional.empty()), PageRequest.first())).isInstanceOf(ValidationException.class);
    }

    @Test
    void adminReachesAnyClientsAgent() {
        Agent b1 = llm(userB, "b1");

        assertThat(service.get(ADMIN, b1.id())).isEqualTo(b1);
        assertThat(service.list(ADMIN, AgentFilter.none(), PageRequest.first()).items()).containsExactly(b1);
    }

    @Test
    void maskedKeySentBackKeepsKey() {
        Agent agent = llm(userA, "bot");

        Agent echoed = service.update(userA, agent.id(), apiKeyOnly(FieldUpdate.set(agent.apiKey().masked())),
                Optional.empty());
        Agent omitted = service.update(userA, agent.id(), apiKeyOnly(FieldUpdate.keep()), Optional.empty());

        assertThat(echoed.apiKey().reveal()).isEqualTo(API_KEY);
        assertThat(omitted.apiKey().reveal()).isEqualTo(API_KEY);
    }

    @Test
    void foreignMaskIsRejected() {
        Agent agent = llm(userA, "bot");

        ValidationException e = (ValidationException) catchThrowable(() -> service.update(userA, agent.id(),
                apiKeyOnly(FieldUpdate.set("****ZZZZ")), Optional.empty()));

        assertThat(fields(e)).containsExactly("api_key");
        assertThat(e.getMessage()).doesNotContain("sk-test");
    }

    @Test
    void nullKeyIsClearedForNonLlmOnly() {
        Agent agent = llm(userA, "bot");

        assertThatThrownBy(() -> service.update(userA, agent.id(), apiKeyOnly(FieldUpdate.set(null)),
                Optional.empty())).isInstanceOf(ValidationException.class);
        Agent seq = service.create(userA, input("seq", "sequential", null, "k-abcdefghijk",
                Map.of("sub_agents", List.of(agent.id().toString()))));
        Agent cleared = service.update(userA, seq.id(), apiKeyOnly(FieldUpdate.set(null)), Optional.empty());

        assertThat(cleared.apiKey()).isNull();
    }

    @Test
    void staleEntityTagIsRejected() {
        Agent agent = llm(userA, "bot");
        EntityTag read = new EntityTag(agent.updatedAt());
        service.update(userA, agent.id(), input("bot2", "llm", null, null, null), Optional.of(read));

        assertThatThrownBy(() -> service.update(userA, agent.id(), input("bot3", "llm", null, null, null),
                Optional.of(read))).isInstanceOf(PreconditionFailedException.class);
        assertThat(agents.findById(clientA.id(), agent.id()).orElseThrow().name()).isEqualTo("bot2");
    }

    @Test
    void toolReferencesNeedEnvsAndExistence() {
        Tool tool = toolService.create(ADMIN, new ToolInput(FieldUpdate.set("search"), FieldUpdate.keep(),
                FieldUpdate.keep(), FieldUpdate.set(Map.of("API_TOKEN", "token for the search API"))));
        Map<String, Object> missingEnv = Map.of("tools", List.of(Map.of("id", tool.id().toString())));
        Map<String, Object> unknownTool = Map.of("tools", List.of(Map.of("id", UUID.randomUUID().toString())));

        UnprocessableException env = (UnprocessableException) catchThrowable(() ->
                service.create(userA, input("bot", "llm", "m", API_KEY, missingEnv)));
        UnprocessableException unknown = (UnprocessableException) catchThrowable(() ->
                service.create(userA, input("bot", "llm", "m", API_KEY, unknownTool)));

        assertThat(fields(env)).containsExactly("config_json.tools[0].envs.API_TOKEN");
        assertThat(fields(unknown)).containsExactly("config_json.tools[0].id");
        assertThat(agents.all()).isEmpty();
    }

    @Test
    void mcpToolsMustBeOffered() {
        McpServer server = createServer();
        Map<String, Object> config = Map.of("mcp_servers", List.of(Map.of("id", server.id().toString(),
                "envs", Map.of("API_TOKEN", TOKEN), "tools", List.of("search", "delete_everything"))));

        UnprocessableException e = (UnprocessableException) catchThrowable(() ->
                service.create(userA, input("bot", "llm", "m", API_KEY, config)));

        assertThat(fields(e)).containsExactly("config_json.mcp_servers[0].tools[1]");
    }

    @Test
    void envSecretsMergeByReference() {
        McpServer server = createServer();
        Agent agent = service.create(userA, input("bot", "llm", "m", API_KEY, Map.of("mcp_servers",
                List.of(Map.of("id", server.id().toString(), "envs", Map.of("API_TOKEN", TOKEN),
                        "tools", List.of("search"))))));
        Map<String, Object> echoed = Map.of("mcp_servers", List.of(Map.of("id", server.id().toString(),
                "envs", Map.of("API_TOKEN", "****BBBB"), "tools", List.of("search"))));
        Map<String, Object> omitted = Map.of("mcp_servers", List.of(Map.of("id", server.id().toString(),
                "tools", List.of("search"))));

        Agent afterEcho = service.update(userA, agent.id(), configOnly(echoed), Optional.empty());
        Agent afterOmit = service.update(userA, agent.id(), configOnly(omitted), Optional.empty());

        assertThat(envOf(afterEcho)).containsEntry("API_TOKEN", TOKEN);
        assertThat(envOf(afterOmit)).containsEntry("API_TOKEN", TOKEN);
        assertThat(trail.entries().toString()).doesNotContain("tok-test-B").doesNotContain("sk-test-A");
    }

    @Test
    void forcedServerDeleteRemovesReferences() {
        McpServer server = createServer();
        Agent agent = service.create(userA, input("bot", "llm", "m", API_KEY, Map.of("mcp_servers",
                List.of(Map.of("id", server.id().toString(), "envs", Map.of("API_TOKEN", TOKEN))))));

        assertThatThrownBy(() -> serverService.delete(ADMIN, server.id(), false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("bot");
        serverService.delete(ADMIN, server.id(), true);

        Agent after = agents.findById(clientA.id(), agent.id()).orElseThrow();
        assertThat((List<Object>) after.configJson().get("mcp_servers")).isEmpty();
        AuditEntry entry = trail.entries().get(trail.entries().size() - 1);
        assertThat(entry.details()).containsEntry("force", true);
        assertThat(entry.details().get("references_removed_from").toString()).contains(agent.id().toString());
    }

    private McpServer createServer() {
        return serverService.create(ADMIN, new McpServerInput(FieldUpdate.set("search-mcp"), FieldUpdate.keep(),
                FieldUpdate.set("official"), FieldUpdate.keep(), FieldUpdate.set(Map.of("API_TOKEN", "the token")),
                FieldUpdate.set(List.of("search", Map.of("name", "fetch")))));
    }

    private static Map<String, Object> envOf(Agent agent) {
        List<Object> servers = (List<Object>) agent.configJson().get("mcp_servers");
        return (Map<String, Object>) ((Map<String, Object>) servers.get(0)).get("envs");
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable callable) {
        return org.assertj.core.api.Assertions.catchThrowable(callable);
    }
}
