package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentQuery;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.Secret;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolId;
import ai.evo.core.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class WorkspacePersistenceTest {
    private static final String API_KEY = "sk-test-AAAAAAAAAAAAAAAA";
    private static final String TOKEN = "tok-test-BBBBBBBB";
    private static final String TOOL_SECRET = "tool-env-CCCCCCCC";

    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static Agent agent(ClientId clientId, String name, AgentType type, Map<String, Object> config) {
        return new Agent(new AgentId(fixtures.newId()), clientId, name, null, type, "m", Secret.of(API_KEY), null,
                config, Fixtures.IGNORED, Fixtures.IGNORED);
    }

    private static Tool tool(String name, Map<String, Object> environments) {
        return persistence.tools().insert(new Tool(new ToolId(fixtures.newId()), name, null, Map.of(), environments,
                Fixtures.IGNORED, Fixtures.IGNORED));
    }

    private static McpServer server(String name) {
        return persistence.mcpServers().insert(new McpServer(new McpServerId(fixtures.newId()), name, null, Map.of(),
                Map.of("API_TOKEN", TOOL_SECRET), List.of("search"), "official", Fixtures.IGNORED, Fixtures.IGNORED));
    }

    private static String queryText(String sql) {
        try (Connection connection = database.unpooledDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    text.append(rows.getString(i)).append('\t');
                }
                text.append('\n');
            }
            return text.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = database.unpooledDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void secretsStoredAsCiphertext() {
        Client client = fixtures.client();
        Tool tool = tool("enc-tool", Map.of("API_TOKEN", TOOL_SECRET));
        Map<String, Object> config = Map.of("tools", List.of(Map.of("id", tool.id().toString(),
                "envs", Map.of("API_TOKEN", TOKEN))));
        Agent stored = persistence.agents().insert(agent(client.id(), "enc-agent", AgentType.LLM, config));

        String agentRow = queryText("SELECT * FROM agent WHERE id = '" + stored.id() + "'");
        String toolRow = queryText("SELECT * FROM tool WHERE id = '" + tool.id() + "'");

        assertThat(agentRow).doesNotContain("sk-test-A").doesNotContain("tok-test-B").contains("v1:");
        assertThat(toolRow).doesNotContain("tool-env-C").contains("v1:");
        assertThat(stored.apiKey().reveal()).isEqualTo(API_KEY);
        Map<String, Object> reference = (Map<String, Object>) ((List<Object>) stored.configJson().get("tools")).get(0);
        assertThat((Map<String, Object>) reference.get("envs")).containsEntry("API_TOKEN", TOKEN);
        assertThat(persistence.tools().findById(tool.id()).orElseThrow().environments())
                .containsEntry("API_TOKEN", TOOL_SECRET);
    }

    @Test
    void ciphertextCopiedToOtherRowFailsToDecrypt() {
        Client client = fixtures.client();
        Agent first = persistence.agents().insert(agent(client.id(), "copy-a", AgentType.LLM, Map.of()));
        Agent second = persistence.agents().insert(new Agent(new AgentId(fixtures.newId()), client.id(), "copy-b",
                null, AgentType.LLM, "m", Secret.of("sk-other-key-123456"), null, Map.of(), Fixtures.IGNORED,
                Fixtures.IGNORED));

        execute("UPDATE agent SET api_key = (SELECT api_key FROM agent WHERE id = '" + first.id() + "') WHERE id = '"
                + second.id() + "'");

        assertThatThrownBy(() -> persistence.agents().findById(client.id(), second.id()))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void referenceQueriesFindUsers() {
        Client client = fixtures.client();
        Client other = fixtures.client();
        Tool tool = tool("ref-tool", Map.of());
        McpServer server = server("ref-server");
        Agent leaf = persistence.agents().insert(agent(client.id(), "leaf", AgentType.LLM, Map.of(
                "tools", List.of(Map.of("id", tool.id().toString())),
                "mcp_servers", List.of(Map.of("id", server.id().toString(), "envs", Map.of("API_TOKEN", TOKEN))))));
        Agent parent = persistence.agents().insert(agent(client.id(), "parent", AgentType.SEQUENTIAL,
                Map.of("sub_agents", List.of(leaf.id().toString()))));
        Agent foreign = persistence.agents().insert(agent(other.id(), "foreign", AgentType.LLM,
                Map.of("tools", List.of(Map.of("id", tool.id().toString())))));

        assertThat(persistence.agents().findBySubAgent(client.id(), leaf.id())).extracting(Agent::id)
                .containsExactly(parent.id());
        assertThat(persistence.agents().findBySubAgent(other.id(), leaf.id())).isEmpty();
        assertThat(persistence.agents().findByTool(tool.id())).extracting(Agent::id)
                .containsExactly(leaf.id(), foreign.id());
        assertThat(persistence.agents().findByMcpServer(server.id())).extracting(Agent::id)
                .containsExactly(leaf.id());
        assertThat(persistence.agents().findOwner(foreign.id())).contains(other.id());
    }

    @Test
    void listFiltersAndSkipsUnreadableRow() {
        Client client = fixtures.client();
        Client other = fixtures.client();
        Agent alpha = persistence.agents().insert(agent(client.id(), "alpha_1", AgentType.LLM, Map.of()));
        Agent beta = persistence.agents().insert(agent(client.id(), "beta_1", AgentType.LLM, Map.of()));
        persistence.agents().insert(agent(other.id(), "alpha_other", AgentType.LLM, Map.of()));
        execute("INSERT INTO agent (id, client_id, name, type, config_json) VALUES ('" + fixtures.newId() + "', '"
                + client.id() + "', 'broken', 'bogus', '{}')");
        execute("INSERT INTO agent (id, client_id, name, type, config_json) VALUES ('" + fixtures.newId() + "', '"
                + client.id() + "', 'loop_bad', 'loop', '{\"sub_agents\":[]}')");

        Page<Agent> all = persistence.agents().list(AgentQuery.ofClient(client.id()), PageRequest.first());
        Page<Agent> prefixed = persistence.agents().list(new AgentQuery(Optional.of(Set.of(client.id(), other.id())),
                Optional.of(AgentType.LLM), Optional.of("alpha")), PageRequest.first());

        assertThat(all.items()).extracting(Agent::name).containsExactly("alpha_1", "beta_1", "loop_bad");
        assertThat(prefixed.items()).extracting(Agent::name).containsExactly("alpha_1", "alpha_other");
        assertThat(alpha.id()).isNotEqualTo(beta.id());
    }

    @Test
    void extIdIsUniquePerClient() {
        Client client = fixtures.client();
        Client other = fixtures.client();
        persistence.contacts().insert(contact(client.id(), "wa:1"));
        persistence.contacts().insert(contact(other.id(), "wa:1"));
        persistence.contacts().insert(contact(client.id(), null));
        persistence.contacts().insert(contact(client.id(), null));

        assertThatThrownBy(() -> persistence.contacts().insert(contact(client.id(), "wa:1")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void concurrentFindOrCreateStoresOneContact() throws Exception {
        Client client = fixtures.client();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ContactRepository.FoundOrCreated>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return persistence.contacts().findOrCreateByExtId(contact(client.id(), "wa:race"));
                }));
            }
            start.countDown();
            List<ContactRepository.FoundOrCreated> outcomes = new ArrayList<>();
            for (Future<ContactRepository.FoundOrCreated> result : results) {
                outcomes.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes).filteredOn(ContactRepository.FoundOrCreated::created).hasSize(1);
            assertThat(outcomes).extracting(outcome -> outcome.contact().id()).containsOnly(
                    outcomes.get(0).contact().id());
            assertThat(queryText("SELECT count(*) FROM contact WHERE client_id = '" + client.id()
                    + "' AND ext_id = 'wa:race'").strip()).isEqualTo("1");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nulInSecretIsValidationError() {
        Client client = fixtures.client();
        Agent agent = new Agent(new AgentId(fixtures.newId()), client.id(), "nul-key", null, AgentType.LLM, "m",
                Secret.of("key\u0000value"), null, Map.of(), Fixtures.IGNORED, Fixtures.IGNORED);

        assertThatThrownBy(() -> persistence.agents().insert(agent))
                .isInstanceOf(ai.evo.core.domain.common.ValidationException.class)
                .hasMessageContaining("api_key");
    }

    private static Contact contact(ClientId clientId, String extId) {
        return new Contact(new ContactId(fixtures.newId()), clientId, extId, "Ann", Map.of(), Fixtures.IGNORED,
                Fixtures.IGNORED);
    }
}
