package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.TimeOrderedIdGenerator;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.persistence.PostgresPersistence;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationApiTest {
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final IdGenerator IDS = new TimeOrderedIdGenerator(Clock.systemUTC());

    private static ServiceOnTestDatabase running;
    private static PostgresPersistence persistence;
    private static String tokenA;
    private static Client clientA;
    private static Agent agentA;
    private static Contact contactA;
    private static Agent agentB;
    private static Contact contactB;

    @BeforeAll
    static void startService() {
        running = ServiceOnTestDatabase.start();
        persistence = running.database.persistence();
        clientA = persistence.clients().insert(new ClientId(IDS.newId()), ClientDetails.of("Client A", "a@example.test"));
        Client clientB = persistence.clients().insert(new ClientId(IDS.newId()),
                ClientDetails.of("Client B", "b@example.test"));
        agentA = agent(clientA.id(), "support-a");
        contactA = contact(clientA.id(), "Ana");
        agentB = agent(clientB.id(), "support-b");
        contactB = contact(clientB.id(), "Bruno");
        persistence.users().insert(new NewUser(new UserId(IDS.newId()), new EmailAddress("user.a@example.test"),
                persistence.passwordHasher().hash(ServiceOnTestDatabase.ADMIN_PASSWORD), clientA.id(), true, true, false));
        HttpResponse<String> login = running.post("/api/v1/auth/login", null,
                "{\"email\":\"user.a@example.test\",\"password\":\"" + ServiceOnTestDatabase.ADMIN_PASSWORD + "\"}");
        tokenA = ServiceOnTestDatabase.json(login).get("access_token").asText();
    }

    @AfterAll
    static void stopService() {
        running.close();
    }

    private static Agent agent(ClientId client, String name) {
        return persistence.agents().insert(new Agent(new AgentId(IDS.newId()), client, name, null, AgentType.LLM,
                "model-x", null, null, Map.of(), null, null));
    }

    private static Contact contact(ClientId client, String name) {
        return persistence.contacts().insert(new Contact(new ContactId(IDS.newId()), client, null, name, Map.of(),
                null, null));
    }

    private static String body(Agent agent, Contact contact, String message) {
        return "{\"agent_id\":\"" + agent.id() + "\",\"contact_id\":\"" + contact.id() + "\",\"message\":\""
                + message + "\",\"response\":\"ok\",\"meta\":{\"tokens\":7}}";
    }

    private static long count(String sql) {
        try (Connection connection = running.database.unpooledDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> fields(HttpResponse<String> problem) {
        List<String> fields = new ArrayList<>();
        ServiceOnTestDatabase.json(problem).path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Test
    void appendPageAndExportHistory() {
        Contact contact = contact(clientA.id(), "History");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> created = running.post("/api/v1/conversations", tokenA, body(agentA, contact, "m" + i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        List<String> seen = new ArrayList<>();
        String next = "/api/v1/conversations?contact_id=" + contact.id() + "&limit=2";
        while (next != null) {
            HttpResponse<String> page = running.get(next, tokenA);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            ServiceOnTestDatabase.json(page).forEach(row -> seen.add(row.get("message").asText()));
            Matcher link = NEXT_LINK.matcher(page.headers().firstValue("Link").orElse(""));
            next = link.find() ? link.group(1) : null;
        }
        HttpResponse<String> export = running.get("/api/v1/contacts/" + contact.id() + "/conversations/export",
                tokenA);

        assertThat(seen).containsExactly("m4", "m3", "m2", "m1", "m0");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(export.body()).endsWith("\n");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(ServiceOnTestDatabase.json(lines[0]).get("message").asText()).isEqualTo("m0");
    }

    @Test
    void getReturnsStoredConversation() {
        HttpResponse<String> created = running.post("/api/v1/conversations", tokenA, body(agentA, contactA, "one"));
        String id = ServiceOnTestDatabase.json(created).get("id").asText();

        HttpResponse<String> read = running.get("/api/v1/conversations/" + id, tokenA);

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode conversation = ServiceOnTestDatabase.json(read);
        assertThat(conversation.get("message").asText()).isEqualTo("one");
        assertThat(conversation.get("meta").get("tokens").asInt()).isEqualTo(7);
        assertThat(conversation.get("agent_id").asText()).isEqualTo(agentA.id().toString());
    }

    @Test
    void retryWithSameKeyStoresOneRow() {
        String key = UUID.randomUUID().toString();
        String body = body(agentA, contactA, "retried " + key);

        HttpResponse<String> first = running.send("POST", "/api/v1/conversations", tokenA, body,
                Map.of("Idempotency-Key", key));
        HttpResponse<String> retry = running.send("POST", "/api/v1/conversations", tokenA, body,
                Map.of("Idempotency-Key", key));
        HttpResponse<String> otherBody = running.send("POST", "/api/v1/conversations", tokenA,
                body(agentA, contactA, "something else"), Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(count("SELECT count(*) FROM conversation WHERE message = 'retried " + key + "'")).isEqualTo(1);
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(otherBody.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(count("SELECT count(*) FROM conversation WHERE message = 'something else'")).isZero();
    }

    @Test
    void batchNamesBadRowsAndStoresNothing() {
        String marker = UUID.randomUUID().toString();
        String items = "[" + body(agentA, contactA, marker) + ","
                + "{\"agent_id\":\"" + agentA.id() + "\",\"contact_id\":\"" + contactA.id()
                + "\",\"message\":\"\",\"response\":\"r\"}," + body(agentB, contactA, marker) + "]";

        HttpResponse<String> rejected = running.post("/api/v1/conversations/batch", tokenA, "{\"items\":" + items + "}");

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
        assertThat(fields(rejected)).containsExactly("items[1].message");
        assertThat(count("SELECT count(*) FROM conversation WHERE message = '" + marker + "'")).isZero();

        String otherTenant = "[" + body(agentA, contactA, marker) + "," + body(agentB, contactA, marker) + "]";
        HttpResponse<String> foreign = running.post("/api/v1/conversations/batch", tokenA,
                "{\"items\":" + otherTenant + "}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(fields(foreign)).containsExactly("items[1].agent_id");
        assertThat(count("SELECT count(*) FROM conversation WHERE message = '" + marker + "'")).isZero();
    }

    @Test
    void batchStoresAllWithOneAuditRow() {
        String marker = UUID.randomUUID().toString();
        long auditBefore = count("SELECT count(*) FROM audit_log");
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            items.append(i == 0 ? "" : ",").append(body(agentA, contactA, marker));
        }

        HttpResponse<String> stored = running.post("/api/v1/conversations/batch", tokenA,
                "{\"items\":" + items + "]}");

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(ServiceOnTestDatabase.json(stored).size()).isEqualTo(50);
        assertThat(count("SELECT count(*) FROM conversation WHERE message = '" + marker + "'")).isEqualTo(50);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(auditBefore + 1);
    }

    @Test
    void otherTenantsIdsLookLikeRandomIds() {
        String ofB = ServiceOnTestDatabase.json(running.post("/api/v1/conversations", running.adminToken(),
                "{\"client_id\":\"" + agentB.clientId() + "\"," + body(agentB, contactB, "secret of b").substring(1)))
                .get("id").asText();
        long rowsBefore = count("SELECT count(*) FROM conversation");

        HttpResponse<String> foreign = running.get("/api/v1/conversations/" + ofB, tokenA);
        HttpResponse<String> random = running.get("/api/v1/conversations/" + UUID.randomUUID(), tokenA);
        HttpResponse<String> foreignList = running.get("/api/v1/conversations?contact_id=" + contactB.id(), tokenA);
        HttpResponse<String> foreignAgent = running.post("/api/v1/conversations", tokenA, body(agentB, contactA, "x"));
        HttpResponse<String> foreignContact = running.post("/api/v1/conversations", tokenA,
                body(agentA, contactB, "x"));
        HttpResponse<String> foreignClient = running.get("/api/v1/conversations?client_id=" + agentB.clientId(),
                tokenA);
        HttpResponse<String> foreignExport = running.get("/api/v1/contacts/" + contactB.id()
                + "/conversations/export", tokenA);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(ServiceOnTestDatabase.json(foreign).get("detail")).isEqualTo(ServiceOnTestDatabase.json(random).get("detail"));
        assertThat(foreign.body()).doesNotContain("secret of b");
        assertThat(foreignList.statusCode()).isEqualTo(200);
        assertThat(foreignList.body()).isEqualTo("[]");
        assertThat(foreignAgent.statusCode()).isEqualTo(404);
        assertThat(foreignContact.statusCode()).isEqualTo(404);
        assertThat(foreignClient.statusCode()).isEqualTo(404);
        assertThat(foreignExport.statusCode()).isEqualTo(404);
        assertThat(foreignExport.body()).doesNotContain("secret of b");
        assertThat(count("SELECT count(*) FROM conversation")).isEqualTo(rowsBefore);
    }

    @Test
    void nulAndLoneSurrogateAreRejected() {
        long rowsBefore = count("SELECT count(*) FROM conversation");
        String base = "{\"agent_id\":\"" + agentA.id() + "\",\"contact_id\":\"" + contactA.id() + "\",";

        HttpResponse<String> nul = running.post("/api/v1/conversations", tokenA,
                base + "\"message\":\"hello\\u0000world\",\"response\":\"r\"}");
        HttpResponse<String> nulKey = running.post("/api/v1/conversations", tokenA,
                base + "\"message\":\"m\",\"response\":\"r\",\"meta\":{\"k\\u0000\":\"v\"}}");
        HttpResponse<String> surrogate = running.post("/api/v1/conversations", tokenA,
                base + "\"message\":\"m\",\"response\":\"\\ud800\"}");
        HttpResponse<String> control = running.post("/api/v1/conversations", tokenA,
                base + "\"message\":\"a\\u0001b\",\"response\":\"r\",\"meta\":{\"note\":\"x\\u0001y\"}}");

        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(fields(nul)).containsExactly("message");
        assertThat(nulKey.statusCode()).isEqualTo(400);
        assertThat(surrogate.statusCode()).isEqualTo(400);
        assertThat(fields(surrogate)).containsExactly("response");
        assertThat(control.statusCode()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM conversation")).isEqualTo(rowsBefore + 1);
        String id = ServiceOnTestDatabase.json(control).get("id").asText();
        JsonNode stored = ServiceOnTestDatabase.json(running.get("/api/v1/conversations/" + id, tokenA));
        assertThat(stored.get("message").asText()).isEqualTo("a\u0001b");
        assertThat(stored.get("meta").get("note").asText()).isEqualTo("x\u0001y");
    }

    @Test
    void batchRetryWithSameKeyStoresOnce() {
        String key = UUID.randomUUID().toString();
        String marker = "batch " + key;
        String batch = "{\"items\":[" + body(agentA, contactA, marker) + "," + body(agentA, contactA, marker) + "]}";

        HttpResponse<String> first = running.send("POST", "/api/v1/conversations/batch", tokenA, batch,
                Map.of("Idempotency-Key", key));
        HttpResponse<String> retry = running.send("POST", "/api/v1/conversations/batch", tokenA, batch,
                Map.of("Idempotency-Key", key));
        HttpResponse<String> sameKeyOnSingleRoute = running.send("POST", "/api/v1/conversations", tokenA,
                body(agentA, contactA, marker), Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(count("SELECT count(*) FROM conversation WHERE message = '" + marker + "'")).isEqualTo(2);
        assertThat(sameKeyOnSingleRoute.statusCode()).isEqualTo(422);
    }
}
