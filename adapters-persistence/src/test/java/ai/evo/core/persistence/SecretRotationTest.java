package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.common.Secret;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolId;
import ai.evo.core.persistence.testing.TestDatabase;
import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class SecretRotationTest {
    private static final Pattern CIPHERTEXT = Pattern.compile("v1:[A-Za-z0-9+/=]+");
    private static final String API_KEY = "sk-rotate-AAAAAAAA";
    private static final String TOKEN = "tok-rotate-BBBBBBBB";

    @TempDir
    Path dir;

    private TestDatabase database;
    private DataSource pool;
    private Path keysetFile;
    private PostgresPersistence persistence;
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        pool = database.openPool(4);
        keysetFile = dir.resolve("secrets-keyset.json");
        KeysetHandle keyset = SecretKeysets.loadOrCreate(keysetFile);
        persistence = new PostgresPersistence(pool, new WatchedKeyset(keysetFile, keyset), 4);
        fixtures = new Fixtures(persistence);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private List<String> storedCiphertexts() {
        List<String> found = new ArrayList<>();
        String sql = "SELECT api_key, config_json::text FROM agent UNION ALL SELECT environments::text, NULL FROM tool";
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                for (int i = 1; i <= 2; i++) {
                    Matcher matcher = CIPHERTEXT.matcher(String.valueOf(rows.getString(i)));
                    while (matcher.find()) {
                        found.add(matcher.group());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private Agent storeAgent(Client client, Tool tool, String name) {
        return persistence.agents().insert(new Agent(new AgentId(fixtures.newId()), client.id(), name, null,
                AgentType.LLM, "m", Secret.of(API_KEY), null, Map.of("tools", List.of(Map.of("id",
                tool.id().toString(), "envs", Map.of("API_TOKEN", TOKEN)))), Fixtures.IGNORED, Fixtures.IGNORED));
    }

    @Test
    void rotationReencryptsEveryRowWithNewPrimary() {
        Client client = fixtures.client();
        Tool tool = persistence.tools().insert(new Tool(new ToolId(fixtures.newId()), "rot-tool", null, Map.of(),
                Map.of("API_TOKEN", "desc-rotate-CCCCCCCC"), Fixtures.IGNORED, Fixtures.IGNORED));
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agents.add(storeAgent(client, tool, "rot-" + i));
        }
        int oldPrimary = SecretKeysets.load(keysetFile).getPrimary().getId();

        SecretRotation.Result result = new SecretRotation(pool, keysetFile, 2).run();

        KeysetHandle rotated = SecretKeysets.load(keysetFile);
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(result.primaryKeyId()).isEqualTo(rotated.getPrimary().getId()).isNotEqualTo(oldPrimary);
        assertThat(result.rowsRewritten()).isEqualTo(6);
        assertThat(storedCiphertexts()).hasSize(11)
                .allSatisfy(text -> assertThat(SecretRotation.keyIdOf(text)).isEqualTo(result.primaryKeyId()));
        Agent reread = persistence.agents().findById(client.id(), agents.get(4).id()).orElseThrow();
        assertThat(reread.apiKey().reveal()).isEqualTo(API_KEY);
        assertThat(reread.configJson().toString()).contains(TOKEN);
        assertThat(persistence.tools().findById(tool.id()).orElseThrow().environments())
                .containsEntry("API_TOKEN", "desc-rotate-CCCCCCCC");
        assertThat(Files.exists(dir.resolve("secrets-keyset.json.rotating"))).isFalse();
    }

    @Test
    void rerunAfterInterruptionResumesWithoutNewKey() throws Exception {
        Client client = fixtures.client();
        Tool tool = persistence.tools().insert(new Tool(new ToolId(fixtures.newId()), "rot-tool-2", null, Map.of(),
                Map.of(), Fixtures.IGNORED, Fixtures.IGNORED));
        storeAgent(client, tool, "before");
        new SecretRotation(pool, keysetFile, 10).run();
        int primary = SecretKeysets.load(keysetFile).getPrimary().getId();
        // A row written with the old key stands for a write that raced the first run.
        Files.writeString(dir.resolve("secrets-keyset.json.rotating"), Integer.toString(primary));

        SecretRotation.Result resumed = new SecretRotation(pool, keysetFile, 10).run();

        assertThat(SecretKeysets.load(keysetFile).size()).isEqualTo(2);
        assertThat(resumed.primaryKeyId()).isEqualTo(primary);
        assertThat(resumed.rowsRewritten()).isZero();
    }

    @Test
    void runningServiceWritesWithNewKeyAfterRotation() {
        Client client = fixtures.client();
        Tool tool = persistence.tools().insert(new Tool(new ToolId(fixtures.newId()), "rot-tool-3", null, Map.of(),
                Map.of(), Fixtures.IGNORED, Fixtures.IGNORED));
        storeAgent(client, tool, "old");

        SecretRotation.Result result = new SecretRotation(pool, keysetFile, 10).run();
        storeAgent(client, tool, "new");

        assertThat(storedCiphertexts())
                .allSatisfy(text -> assertThat(SecretRotation.keyIdOf(text)).isEqualTo(result.primaryKeyId()));
    }
}
