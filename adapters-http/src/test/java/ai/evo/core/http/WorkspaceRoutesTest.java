package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceRoutesTest {
    private static final String AGENTS = "/api/v1/agents";
    private static final String CONTACTS = "/api/v1/contacts";
    private static final String TOOLS = "/api/v1/tools";
    private static final String SERVERS = "/api/v1/mcp-servers";
    private static final String API_KEY = "sk-test-AAAAAAAAAAAAAAAA";
    private static final String TOKEN = "tok-test-BBBBBBBB";
    private static final String RANDOM_ID = "00000000-0000-4000-8000-0000000000ff";

    @TempDir
    Path dir;

    private TestApi api;
    private String admin;
    private String userA;
    private String userB;

    @BeforeEach
    void start() {
        api = TestApi.start(dir);
        admin = api.tokenFor(api.admin);
        userA = api.tokenFor(api.userA);
        userB = api.tokenFor(api.userB);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> post(String path, String token, String json) {
        api.clock.advance(Duration.ofMillis(1));
        return api.sendJson("POST", path, token, json);
    }

    private HttpResponse<String> put(String path, String token, String json) {
        api.clock.advance(Duration.ofMillis(1));
        return api.sendJson("PUT", path, token, json);
    }

    private String llm(String token, String name) {
        HttpResponse<String> response = post(AGENTS, token, "{\"name\":\"" + name + "\",\"type\":\"llm\","
                + "\"model\":\"gpt-4o\",\"api_key\":\"" + API_KEY + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestApi.json(response).get("id").asText();
    }

    private String sequential(String token, String name, String subAgent) {
        HttpResponse<String> response = post(AGENTS, token, "{\"name\":\"" + name + "\",\"type\":\"sequential\","
                + "\"config_json\":{\"sub_agents\":[\"" + subAgent + "\"]}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestApi.json(response).get("id").asText();
    }

    private static String firstField(HttpResponse<String> response) {
        return TestApi.json(response).get("errors").get(0).get("field").asText();
    }

    /** Returns the problem body without the request id, which differs on every call. */
    private static String problemWithout(HttpResponse<String> response, String id) {
        return response.body().replaceAll("\"request_id\":\"[^\"]*\"", "").replace(id, "ID");
    }

    @Test
    void invalidShapesAnswer400WithFieldPath() {
        String a1 = llm(userA, "a1");
        String[] bodies = {
            "{\"name\":\"loop1\",\"type\":\"loop\",\"config_json\":{\"sub_agents\":[],\"max_iterations\":3}}",
            "{\"name\":\"s\",\"type\":\"sequential\",\"config_json\":{}}",
            "{\"name\":\"s\",\"type\":\"sequential\",\"config_json\":{\"sub_agents\":\"" + a1 + "\"}}",
            "{\"name\":\"l\",\"type\":\"loop\",\"config_json\":{\"sub_agents\":[\"" + a1 + "\"],\"max_iterations\":0}}",
            "{\"name\":\"l\",\"type\":\"loop\",\"config_json\":{\"sub_agents\":[\"" + a1 + "\"],\"max_iterations\":-1}}",
            "{\"name\":\"l\",\"type\":\"loop\",\"config_json\":{\"sub_agents\":[\"" + a1 + "\"],\"max_iterations\":\"3\"}}",
            "{\"name\":\"my agent\",\"type\":\"llm\",\"model\":\"m\",\"api_key\":\"k-123456789\"}"};
        String[] fields = {"config_json.sub_agents", "config_json.sub_agents", "config_json.sub_agents",
            "config_json.max_iterations", "config_json.max_iterations", "config_json.max_iterations", "name"};

        for (int i = 0; i < bodies.length; i++) {
            HttpResponse<String> response = post(AGENTS, userA, bodies[i]);
            assertThat(response.statusCode()).as(bodies[i]).isEqualTo(400);
            assertThat(firstField(response)).as(bodies[i]).isEqualTo(fields[i]);
        }
        assertThat(TestApi.json(api.get(AGENTS, userA))).hasSize(1);
    }

    @Test
    void cycleAnswers422NamingIt() {
        String a1 = llm(userA, "a1");
        String seq1 = sequential(userA, "seq1", a1);
        String seq2 = sequential(userA, "seq2", seq1);

        HttpResponse<String> self = put(AGENTS + "/" + seq1, userA,
                "{\"config_json\":{\"sub_agents\":[\"" + seq1 + "\"]}}");
        HttpResponse<String> loop = put(AGENTS + "/" + seq1, userA,
                "{\"config_json\":{\"sub_agents\":[\"" + seq2 + "\"]}}");

        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(firstField(self)).isEqualTo("config_json.sub_agents");
        assertThat(loop.statusCode()).isEqualTo(422);
        assertThat(TestApi.json(loop).get("errors").get(0).get("message").asText()).contains("seq1 -> seq2 -> seq1");
        assertThat(TestApi.json(api.get(AGENTS + "/" + seq1, userA)).get("config_json").get("sub_agents").get(0)
                .asText()).isEqualTo(a1);
    }

    @Test
    void foreignSubAgentLooksLikeRandomId() {
        String b1 = llm(userB, "b1");

        HttpResponse<String> foreign = post(AGENTS, userA,
                "{\"name\":\"s\",\"type\":\"sequential\",\"config_json\":{\"sub_agents\":[\"" + b1 + "\"]}}");
        HttpResponse<String> random = post(AGENTS, userA,
                "{\"name\":\"s\",\"type\":\"sequential\",\"config_json\":{\"sub_agents\":[\"" + RANDOM_ID + "\"]}}");

        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(problemWithout(foreign, b1)).isEqualTo(problemWithout(random, RANDOM_ID));
    }

    @Test
    void deleteOfUsedSubAgentAnswers409() {
        String a1 = llm(userA, "a1");
        sequential(userA, "seq1", a1);

        HttpResponse<String> response = api.delete(AGENTS + "/" + a1, userA);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(TestApi.json(response).get("detail").asText()).contains("seq1");
    }

    @Test
    void otherTenantAgentAnswersLikeRandomId() {
        String b1 = llm(userB, "b1");
        String a1 = llm(userA, "a1");
        String rename = "{\"name\":\"renamed_by_a\"}";

        HttpResponse<String> randomGet = api.get(AGENTS + "/" + RANDOM_ID, userA);
        assertThat(randomGet.statusCode()).isEqualTo(404);
        assertThat(problemWithout(api.get(AGENTS + "/" + b1, userA), b1))
                .isEqualTo(problemWithout(randomGet, RANDOM_ID));
        assertThat(put(AGENTS + "/" + b1, userA, rename).statusCode()).isEqualTo(404);
        assertThat(api.delete(AGENTS + "/" + b1, userA).statusCode()).isEqualTo(404);
        assertThat(TestApi.json(api.get(AGENTS + "?client_id=" + api.clientB.id(), userA))).isEmpty();
        JsonNode mixed = TestApi.json(api.get(AGENTS + "?client_id=" + api.clientA.id() + "&client_id="
                + api.clientB.id(), userA));
        assertThat(mixed).hasSize(1);
        assertThat(mixed.get(0).get("id").asText()).isEqualTo(a1);
        HttpResponse<String> planted = post(AGENTS, userA, "{\"client_id\":\"" + api.clientB.id()
                + "\",\"name\":\"planted\",\"type\":\"llm\",\"model\":\"m\",\"api_key\":\"k-123456789\"}");
        assertThat(planted.statusCode()).isEqualTo(404);
        HttpResponse<String> moved = put(AGENTS + "/" + a1, userA, "{\"client_id\":\"" + api.clientB.id() + "\"}");
        assertThat(moved.statusCode()).isEqualTo(404);
        JsonNode b1Now = TestApi.json(api.get(AGENTS + "/" + b1, userB));
        assertThat(b1Now.get("name").asText()).isEqualTo("b1");
        assertThat(TestApi.json(api.get(AGENTS + "/" + a1, userA)).get("client_id").asText())
                .isEqualTo(api.clientA.id().toString());
        assertThat(api.agents.all()).extracting(agent -> agent.name()).doesNotContain("planted", "renamed_by_a");
    }

    @Test
    void secretsAreNeverEchoed() {
        String serverId = TestApi.json(post(SERVERS, admin, "{\"name\":\"search\",\"type\":\"official\","
                + "\"environments\":{\"API_TOKEN\":\"the token\"},\"tools\":[\"search\"]}")).get("id").asText();
        String body = "{\"name\":\"bot\",\"type\":\"llm\",\"model\":\"gpt-4o\",\"api_key\":\"" + API_KEY + "\","
                + "\"config_json\":{\"mcp_servers\":[{\"id\":\"" + serverId + "\",\"envs\":{\"API_TOKEN\":\"" + TOKEN
                + "\"},\"tools\":[\"search\"]}]}}";
        HttpResponse<String> created = post(AGENTS, userA, body);
        String id = TestApi.json(created).get("id").asText();

        HttpResponse<String> one = api.get(AGENTS + "/" + id, userA);
        HttpResponse<String> list = api.get(AGENTS, userA);
        HttpResponse<String> echoMask = put(AGENTS + "/" + id, userA, "{\"api_key\":\"****AAAA\"}");
        HttpResponse<String> omitted = put(AGENTS + "/" + id, userA, "{\"description\":\"d\"}");
        HttpResponse<String> invalid = put(AGENTS + "/" + id, userA, "{\"model\":\"\"}");

        for (HttpResponse<String> response : new HttpResponse[] {created, one, list, echoMask, omitted, invalid}) {
            assertThat(response.body()).doesNotContain("sk-test-A").doesNotContain("tok-test-B");
        }
        assertThat(TestApi.json(one).get("api_key").asText()).isEqualTo("****AAAA");
        assertThat(TestApi.json(one).get("api_key_set").asBoolean()).isTrue();
        assertThat(one.body()).contains("****BBBB");
        assertThat(echoMask.statusCode()).isEqualTo(200);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(api.agents.all().get(0).apiKey().reveal()).isEqualTo(API_KEY);
        assertThat(api.auditTrail.list(ai.evo.core.domain.audit.AuditQuery.all(),
                ai.evo.core.domain.common.PageRequest.first()).items().toString()).doesNotContain("sk-test-A").doesNotContain("tok-test-B");
    }

    @Test
    void staleIfMatchAnswers412() {
        String id = llm(userA, "bot");
        String etag = api.get(AGENTS + "/" + id, userA).headers().firstValue("ETag").orElseThrow();
        api.clock.advance(Duration.ofMillis(1));

        HttpResponse<String> first = api.send(api.request(AGENTS + "/" + id, userA)
                .header("Content-Type", "application/json").header("If-Match", etag)
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"name\":\"bot2\"}", StandardCharsets.UTF_8))
                .build());
        api.clock.advance(Duration.ofMillis(1));
        HttpResponse<String> second = api.send(api.request(AGENTS + "/" + id, userA)
                .header("Content-Type", "application/json").header("If-Match", etag)
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"name\":\"bot3\"}", StandardCharsets.UTF_8))
                .build());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
        assertThat(second.statusCode()).isEqualTo(412);
        assertThat(TestApi.json(api.get(AGENTS + "/" + id, userA)).get("name").asText()).isEqualTo("bot2");
    }

    @Test
    void catalogWritesAreAdminOnly() {
        HttpResponse<String> byUser = post(TOOLS, userA, "{\"name\":\"search\"}");
        HttpResponse<String> byAdmin = post(TOOLS, admin, "{\"name\":\"search\",\"environments\":"
                + "{\"API_TOKEN\":\"secret-env-value\"}}");
        HttpResponse<String> duplicate = post(TOOLS, admin, "{\"name\":\"search\"}");
        HttpResponse<String> badType = post(SERVERS, admin, "{\"name\":\"mcp\",\"type\":\"custom\"}");

        assertThat(byUser.statusCode()).isEqualTo(403);
        assertThat(byAdmin.statusCode()).isEqualTo(201);
        assertThat(byAdmin.body()).doesNotContain("secret-env-value").contains("****alue");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(api.get(TOOLS, userA).statusCode()).isEqualTo(200);
    }

    @Test
    void usedToolDeleteNeedsForce() {
        String toolId = TestApi.json(post(TOOLS, admin, "{\"name\":\"search\"}")).get("id").asText();
        String agentId = TestApi.json(post(AGENTS, userA, "{\"name\":\"bot\",\"type\":\"llm\",\"model\":\"m\","
                + "\"api_key\":\"k-123456789\",\"config_json\":{\"tools\":[{\"id\":\"" + toolId + "\"}]}}"))
                .get("id").asText();

        HttpResponse<String> refused = api.delete(TOOLS + "/" + toolId, admin);
        HttpResponse<String> badForce = api.delete(TOOLS + "/" + toolId + "?force=yes", admin);
        HttpResponse<String> forced = api.delete(TOOLS + "/" + toolId + "?force=true", admin);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(TestApi.json(refused).get("detail").asText()).contains("bot").contains(agentId);
        assertThat(badForce.statusCode()).isEqualTo(400);
        assertThat(forced.statusCode()).isEqualTo(204);
        assertThat(TestApi.json(api.get(AGENTS + "/" + agentId, userA)).get("config_json").get("tools")).isEmpty();
    }

    @Test
    void findOrCreateContactByExtId() {
        HttpResponse<String> first = put(CONTACTS + "/by-ext-id/wa-5511", userA, "{\"name\":\"Ann\"}");
        HttpResponse<String> second = put(CONTACTS + "/by-ext-id/wa-5511", userA, "{\"name\":\"Ann\"}");
        HttpResponse<String> inB = put(CONTACTS + "/by-ext-id/wa-5511", userB, "{\"name\":\"Ann\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(TestApi.json(second).get("id")).isEqualTo(TestApi.json(first).get("id"));
        assertThat(inB.statusCode()).isEqualTo(201);
        assertThat(TestApi.json(inB).get("id")).isNotEqualTo(TestApi.json(first).get("id"));
    }

    @Test
    void contactNulAndSurrogateAnswer400() {
        String[] bodies = {
            "{\"name\":\"nul-test\",\"ext_id\":\"ext-nul-1\",\"meta\":{\"note\":\"a\\u0000b\"}}",
            "{\"name\":\"nul\\u0000name\",\"ext_id\":\"ext\\u00003\"}",
            "{\"name\":\"sur\",\"ext_id\":\"ext-sur\",\"meta\":{\"note\":\"\\ud800\"}}"};

        for (String body : bodies) {
            assertThat(post(CONTACTS, userA, body).statusCode()).as(body).isEqualTo(400);
        }
        HttpResponse<String> control = post(CONTACTS, userA,
                "{\"name\":\"ctl\",\"ext_id\":\"ext-ctl\",\"meta\":{\"note\":\"a\\u0001b\"}}");
        assertThat(control.statusCode()).isEqualTo(201);
        String id = TestApi.json(control).get("id").asText();
        assertThat(TestApi.json(api.get(CONTACTS + "/" + id, userA)).get("meta").get("note").asText())
                .isEqualTo("a\u0001b");
        assertThat(api.contacts.all()).hasSize(1);
    }

    @Test
    void otherTenantContactIsNotFound() {
        String cb1 = TestApi.json(post(CONTACTS, userB, "{\"name\":\"Bea\"}")).get("id").asText();

        assertThat(api.get(CONTACTS + "/" + cb1, userA).statusCode()).isEqualTo(404);
        assertThat(TestApi.json(api.get(CONTACTS + "?client_id=" + api.clientB.id(), userA))).isEmpty();
        assertThat(api.get(CONTACTS + "/" + UUID.randomUUID(), userA).statusCode()).isEqualTo(404);
    }
}
