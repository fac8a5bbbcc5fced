package ai.evo.core.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EntityTag;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.PreconditionFailedException;
import ai.evo.core.domain.common.Secret;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.InMemoryAgentRepository;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class CatalogServicesTest {
    private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "curl/8.5");
    private static final Caller ADMIN = new Caller(new UserId(UUID.randomUUID()), true, null, ORIGIN);
    private static final Caller USER = new Caller(new UserId(UUID.randomUUID()), false,
            new ClientId(UUID.randomUUID()), ORIGIN);
    private static final String SECRET_ENV = "env-secret-CCCCCCCC";

    private InMemoryToolRepository tools;
    private InMemoryAgentRepository agents;
    private InMemoryAuditTrail trail;
    private ToolService toolService;
    private McpServerService serverService;

    @BeforeEach
    void setUp() {
        TickingClock clock = new TickingClock(Instant.parse("2026-03-01T10:00:00Z"));
        tools = new InMemoryToolRepository(clock);
        agents = new InMemoryAgentRepository(clock);
        trail = new InMemoryAuditTrail(clock);
        SequentialIds ids = new SequentialIds();
        AuditRecorder audit = new AuditRecorder(trail, ids);
        toolService = new ToolService(new DirectTransactions(), tools, agents, audit, ids);
        serverService = new McpServerService(new DirectTransactions(), new InMemoryMcpServerRepository(clock), agents,
                audit, ids);
    }

    private static ToolInput tool(String name, Map<String, Object> environments) {
        return new ToolInput(FieldUpdate.set(name), FieldUpdate.keep(), FieldUpdate.keep(),
                environments == null ? FieldUpdate.keep() : FieldUpdate.set(environments));
    }

    private static McpServerInput server(String name, String type) {
        return new McpServerInput(FieldUpdate.set(name), FieldUpdate.keep(), FieldUpdate.set(type),
                FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.set(List.of("search")));
    }

    private Agent agentUsing(Tool tool) {
        Map<String, Object> config = Map.of("tools", List.of(Map.of("id", tool.id().toString(),
                "envs", Map.of("API_TOKEN", "x-value-1234"))));
        return agents.insert(new Agent(new AgentId(UUID.randomUUID()), USER.clientId(), "user_of_tool", null,
                AgentType.LLM, "m", Secret.of("k-123456789"), null, config, null, null));
    }

    @Test
    void onlyAdminsWriteEveryoneReads() {
        Tool created = toolService.create(ADMIN, tool("search", Map.of()));

        assertThatThrownBy(() -> toolService.create(USER, tool("other", Map.of())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> toolService.delete(USER, created.id(), false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> serverService.create(USER, server("mcp", "official")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(toolService.get(USER, created.id())).isEqualTo(created);
        assertThat(toolService.list(USER, PageRequest.first()).items()).containsExactly(created);
    }

    @Test
    void duplicateNameConflicts() {
        toolService.create(ADMIN, tool("search", Map.of()));
        serverService.create(ADMIN, server("mcp", "official"));

        assertThatThrownBy(() -> toolService.create(ADMIN, tool("search", Map.of())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> serverService.create(ADMIN, server("mcp", "community")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void serverTypeIsOfficialOrCommunity() {
        ValidationException e = (ValidationException) catchThrowable(() ->
                serverService.create(ADMIN, server("mcp", "custom")));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("type");
    }

    @Test
    void environmentSecretsAreMaskedInAudit() {
        Tool created = toolService.create(ADMIN, tool("search", Map.of("API_TOKEN", SECRET_ENV)));

        Tool echoed = toolService.update(ADMIN, created.id(), tool("search", Map.of("API_TOKEN", "****CCCC")),
                Optional.empty());
        Tool omitted = toolService.update(ADMIN, created.id(), tool("search", Map.of("OTHER", "value-0000")),
                Optional.empty());

        assertThat(echoed.environments()).containsEntry("API_TOKEN", SECRET_ENV);
        assertThat(omitted.environments()).containsEntry("API_TOKEN", SECRET_ENV).containsKey("OTHER");
        assertThat(trail.entries().toString()).doesNotContain(SECRET_ENV);
    }

    @Test
    void badEnvironmentNameIsRejected() {
        ValidationException e = (ValidationException) catchThrowable(() ->
                toolService.create(ADMIN, tool("search", Map.of("1BAD NAME", "x"))));

        assertThat(e.errors()).extracting(FieldError::field).contains("environments.1BAD NAME");
    }

    @Test
    void deleteOfUsedToolConflictsUnlessForced() {
        Tool created = toolService.create(ADMIN, tool("search", Map.of()));
        Agent user = agentUsing(created);

        assertThatThrownBy(() -> toolService.delete(ADMIN, created.id(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("user_of_tool")
                .hasMessageContaining(user.id().toString());
        assertThat(tools.findById(created.id())).isPresent();

        toolService.delete(ADMIN, created.id(), true);

        assertThat(tools.findById(created.id())).isEmpty();
        Agent after = agents.findById(USER.clientId(), user.id()).orElseThrow();
        assertThat((List<Object>) after.configJson().get("tools")).isEmpty();
        AuditEntry entry = trail.entries().get(trail.entries().size() - 1);
        assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
        assertThat(entry.details().get("references_removed_from").toString()).contains("user_of_tool");
        assertThat(entry.details().toString()).doesNotContain("x-value-1234");
    }

    @Test
    void staleEntityTagIsRejected() {
        Tool created = toolService.create(ADMIN, tool("search", Map.of()));
        EntityTag read = new EntityTag(created.updatedAt());
        toolService.update(ADMIN, created.id(), tool("search2", null), Optional.of(read));

        assertThatThrownBy(() -> toolService.update(ADMIN, created.id(), tool("search3", null), Optional.of(read)))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(tools.findById(created.id()).orElseThrow().name()).isEqualTo("search2");
    }
}
