package ai.evo.core.http;

import ai.evo.core.application.agent.AgentService;
import ai.evo.core.application.audit.AuditLogService;
import ai.evo.core.application.auth.AuthenticationService;
import ai.evo.core.application.auth.IdentityDependencies;
import ai.evo.core.application.auth.IdentitySettings;
import ai.evo.core.application.auth.PasswordService;
import ai.evo.core.application.auth.RegistrationService;
import ai.evo.core.application.catalog.McpServerService;
import ai.evo.core.application.catalog.ToolService;
import ai.evo.core.application.client.ClientService;
import ai.evo.core.application.contact.ContactService;
import ai.evo.core.application.conversation.ConversationService;
import ai.evo.core.application.idempotency.IdempotentRequests;
import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.user.UserService;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.TimeOrderedIdGenerator;
import ai.evo.core.domain.testing.InMemoryAgentRepository;
import ai.evo.core.domain.testing.InMemoryContactRepository;
import ai.evo.core.domain.testing.InMemoryConversationRepository;
import ai.evo.core.domain.testing.InMemoryIdempotencyStore;
import ai.evo.core.domain.testing.InMemoryMailOutbox;
import ai.evo.core.domain.testing.InMemoryOneTimeTokens;
import ai.evo.core.domain.testing.InMemoryUserRepository;
import ai.evo.core.domain.user.CommonPasswords;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.PasswordPolicy;
import ai.evo.core.domain.user.PasswordRules;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.testing.InMemoryAgentRepository;
import ai.evo.core.domain.testing.InMemoryContactRepository;
import ai.evo.core.domain.testing.InMemoryMcpServerRepository;
import ai.evo.core.domain.testing.InMemoryToolRepository;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.http.fakes.InMemoryAuditTrail;
import ai.evo.core.http.fakes.InMemoryClients;
import ai.evo.core.domain.testing.MutableClock;
import ai.evo.core.http.fakes.PlainPasswordHasher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP API on a free loopback port, wired to the real application services over in-memory fakes, with
 * an admin, two clients (A and B) and one user in each.
 */
final class TestApi implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final InMemoryUserRepository users = new InMemoryUserRepository(clock);
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    final InMemoryClients clients = new InMemoryClients(clock);
    final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail(clock);
    final InMemoryAgentRepository agents = new InMemoryAgentRepository(clock);
    final InMemoryContactRepository contacts = new InMemoryContactRepository(clock);
    final InMemoryToolRepository tools = new InMemoryToolRepository(clock);
    final InMemoryMcpServerRepository mcpServers = new InMemoryMcpServerRepository(clock);
    final InMemoryConversationRepository conversations = new InMemoryConversationRepository(contacts, clock);
    final AtomicBoolean ready = new AtomicBoolean(true);
    final HttpServices services;
    final AccessTokens tokens;
    final HttpApi api;
    final int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Client clientA;
    final Client clientB;
    final User admin;
    final User userA;
    final User userB;

    private TestApi(Path keysetDirectory, HttpSettings settings) {
        IdGenerator ids = new TimeOrderedIdGenerator(clock);
        DirectTransactions transactions = new DirectTransactions();
        PlainPasswordHasher hasher = new PlainPasswordHasher();
        AuditRecorder recorder = new AuditRecorder(auditTrail, ids);
        IdentityDependencies identity = new IdentityDependencies(transactions, users, clients,
                new InMemoryOneTimeTokens(), outbox, hasher,
                new PasswordRules(PasswordPolicy.DEFAULT, CommonPasswords.NONE), LockoutPolicy.DEFAULT, recorder, ids,
                clock, IdentitySettings.withDefaults("https://evo.example.test"));
        services = new HttpServices(
                new AuthenticationService(identity),
                new RegistrationService(identity),
                new PasswordService(identity),
                new UserService(identity),
                new ClientService(transactions, clients, recorder, ids),
                new AuditLogService(auditTrail),
                new AgentService(transactions, agents, clients, tools, mcpServers, recorder, ids),
                new ContactService(transactions, contacts, clients, recorder, ids),
                new ToolService(transactions, tools, agents, recorder, ids),
                new McpServerService(transactions, mcpServers, agents, recorder, ids),
                new ConversationService(transactions, conversations, agents, contacts, recorder, ids, clock),
                new IdempotentRequests(transactions, new InMemoryIdempotencyStore(), clock));

        clientA = clients.insert(new ClientId(ids.newId()), ClientDetails.of("Client A", "a@example.test"));
        clock.advance(Duration.ofMillis(1));
        clientB = clients.insert(new ClientId(ids.newId()), ClientDetails.of("Client B", "b@example.test"));
        clock.advance(Duration.ofMillis(1));
        admin = addUser(ids, "admin@example.test", null, true);
        userA = addUser(ids, "user.a@example.test", clientA.id(), false);
        userB = addUser(ids, "user.b@example.test", clientB.id(), false);

        tokens = AccessTokens.load(keysetDirectory.resolve("access-token-keyset.json"), true, TOKEN_LIFETIME, clock);
        api = HttpApi.create(settings, services, tokens, ready::get);
        port = api.start();
    }

    static TestApi start(Path keysetDirectory) {
        return start(keysetDirectory, settings(64 * 1024, Duration.ofSeconds(5), Set.of()));
    }

    static TestApi start(Path keysetDirectory, HttpSettings settings) {
        return new TestApi(keysetDirectory, settings);
    }

    static HttpSettings settings(long maxBodyBytes, Duration shutdownTimeout, Set<String> trustedProxies) {
        return new HttpSettings("127.0.0.1", 0, maxBodyBytes, shutdownTimeout, trustedProxies);
    }

    private User addUser(IdGenerator ids, String email, ClientId client, boolean isAdmin) {
        return users.insert(new NewUser(new UserId(ids.newId()), new EmailAddress(email),
                new PlainPasswordHasher().hash(PASSWORD), client, true, true, isAdmin));
    }

    String tokenFor(User user) {
        return tokens.issue(user, users.tokenVersion(user.id())).value();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).GET().build());
    }

    HttpResponse<String> delete(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).DELETE().build());
    }

    HttpResponse<String> sendJson(String method, String pathAndQuery, String token, String json) {
        return send(request(pathAndQuery, token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    HttpResponse<String> sendBytes(String method, String pathAndQuery, String token, String contentType,
                                   byte[] body) {
        HttpRequest.Builder builder = request(pathAndQuery, token)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("response body is not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        api.stop();
    }
}
