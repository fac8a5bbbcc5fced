package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.mcpserver.McpServerRepository;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolId;
import ai.evo.core.domain.tool.ToolRepository;
import ai.evo.core.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two platform-wide catalogs: tools and MCP servers. */
class CatalogRepositoryTest {
    private static TestDatabase database;
    private static ToolRepository tools;
    private static McpServerRepository servers;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        PostgresPersistence persistence = database.persistence();
        tools = persistence.tools();
        servers = persistence.mcpServers();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.truncateAllTables();
    }

    private static Tool tool(String name) {
        return new Tool(new ToolId(fixtures.newId()), name, "Looks things up ✓",
                Map.of("endpoint", Map.of("url", "https://example.test", "retries", 3)),
                Map.of("API_TOKEN", "the token for 日本"), Fixtures.IGNORED, Fixtures.IGNORED);
    }

    private static McpServer server(String name) {
        return new McpServer(new McpServerId(fixtures.newId()), name, null, Map.of("command", "npx"),
                Map.of("GITHUB_TOKEN", "personal access token"),
                List.of(Map.of("id", "search", "name", "Search São Paulo"), "plain"), "official", Fixtures.IGNORED,
                Fixtures.IGNORED);
    }

    @Test
    void toolRoundTrips() {
        Tool tool = tool("search");

        Tool inserted = tools.insert(tool);

        assertThat(inserted.configJson()).isEqualTo(tool.configJson());
        assertThat(inserted.environments()).isEqualTo(tool.environments());
        assertThat(tools.findById(tool.id())).contains(inserted);
    }

    @Test
    void duplicateToolNameIsConflict() {
        tools.insert(tool("weather"));

        assertThatThrownBy(() -> tools.insert(tool("weather")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a tool named weather already exists");
    }

    @Test
    void renamingToolToTakenNameIsConflict() {
        tools.insert(tool("taken"));
        Tool other = tools.insert(tool("free"));
        Tool renamed = new Tool(other.id(), "taken", null, Map.of(), Map.of(), Fixtures.IGNORED, Fixtures.IGNORED);

        assertThatThrownBy(() -> tools.update(renamed)).isInstanceOf(ConflictException.class);
    }

    @Test
    void toolUpdateAndDelete() {
        Tool tool = tools.insert(tool("calc"));
        Tool changed = new Tool(tool.id(), "calculator", null, Map.of(), Map.of("X", "y"), Fixtures.IGNORED,
                Fixtures.IGNORED);

        Tool updated = tools.update(changed).orElseThrow();

        assertThat(updated.name()).isEqualTo("calculator");
        assertThat(updated.description()).isNull();
        assertThat(updated.updatedAt()).isAfter(tool.updatedAt());
        assertThat(tools.delete(tool.id())).isTrue();
        assertThat(tools.findById(tool.id())).isEmpty();
        assertThat(tools.update(changed)).isEmpty();
        assertThat(tools.delete(tool.id())).isFalse();
    }

    @Test
    void nulInToolEnvironmentsIsValidationError() {
        Tool tool = new Tool(new ToolId(fixtures.newId()), "nul", null, Map.of(), Map.of("KEY", "v\u0000"),
                Fixtures.IGNORED, Fixtures.IGNORED);

        assertThatThrownBy(() -> tools.insert(tool))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("environments.KEY"));
    }

    @Test
    void toolsListInCreationOrder() {
        List<Tool> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inserted.add(tools.insert(tool("tool-" + i)));
        }

        List<Tool> read = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<Tool> page = tools.list(new PageRequest(2, after));
            read.addAll(page.items());
            after = page.next();
        } while (after.isPresent());

        assertThat(read).containsExactlyElementsOf(inserted);
    }

    @Test
    void serverRoundTrips() {
        McpServer server = server("github");

        McpServer inserted = servers.insert(server);

        assertThat(inserted.tools()).isEqualTo(server.tools());
        assertThat(inserted.configJson()).isEqualTo(server.configJson());
        assertThat(inserted.environments()).isEqualTo(server.environments());
        assertThat(inserted.type()).isEqualTo("official");
        assertThat(servers.findById(server.id())).contains(inserted);
    }

    @Test
    void duplicateServerNameIsConflict() {
        servers.insert(server("slack"));

        assertThatThrownBy(() -> servers.insert(server("slack")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("an MCP server named slack already exists");
    }

    @Test
    void serverUpdateAndDelete() {
        McpServer server = servers.insert(server("fs"));
        McpServer changed = new McpServer(server.id(), "filesystem", "files", Map.of(), Map.of(), List.of(),
                "community", Fixtures.IGNORED, Fixtures.IGNORED);

        McpServer updated = servers.update(changed).orElseThrow();

        assertThat(updated.name()).isEqualTo("filesystem");
        assertThat(updated.tools()).isEmpty();
        assertThat(updated.type()).isEqualTo("community");
        assertThat(updated.updatedAt()).isAfter(server.updatedAt());
        assertThat(servers.delete(server.id())).isTrue();
        assertThat(servers.findById(server.id())).isEmpty();
    }

    @Test
    void serversListInCreationOrder() {
        List<McpServer> inserted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inserted.add(servers.insert(server("server-" + i)));
        }

        Page<McpServer> first = servers.list(new PageRequest(2, Optional.empty()));
        Page<McpServer> second = servers.list(new PageRequest(2, first.next()));

        assertThat(first.items()).containsExactlyElementsOf(inserted.subList(0, 2));
        assertThat(second.items()).containsExactlyElementsOf(inserted.subList(2, 3));
        assertThat(second.next()).isEmpty();
    }
}
