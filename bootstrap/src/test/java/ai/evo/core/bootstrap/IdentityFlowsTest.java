package ai.evo.core.bootstrap;

import static ai.evo.core.bootstrap.RunningService.body;
import static ai.evo.core.bootstrap.RunningService.json;
import static ai.evo.core.bootstrap.RunningService.tokenIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account flows through HTTP against the running service, its PostgreSQL database and a real SMTP server
 * (GreenMail): sign-up and verification, recovery, token voiding, privileged fields, long passwords, email case
 * and parallel sign-ups and logins.
 */
class IdentityFlowsTest {
    private static final String STRONG = "seven purple ducks argue loudly";
    private static final String OTHER = "an entirely different passphrase";

    private static RunningService service;
    private static String admin;

    @BeforeAll
    static void startService() {
        service = RunningService.start(RunningService.temporaryDirectory());
        admin = service.login(RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    private static HttpResponse<String> post(String path, String token, String json) {
        return service.send("POST", path, token, json);
    }

    private static HttpResponse<String> register(String email, String password, String name) {
        return post("/api/v1/auth/register", null, body("email", email, "password", password, "name", name));
    }

    private static HttpResponse<String> login(String email, String password) {
        return post("/api/v1/auth/login", null, body("email", email, "password", password));
    }

    /** Registers and verifies an account, and returns the verification mail's token. */
    private static String registerVerified(String email, String password) {
        int mails = service.mailsTo(email).size();
        assertThat(register(email, password, "Org of " + email).statusCode()).isEqualTo(201);
        String token = tokenIn(service.awaitMailTo(email, mails));
        assertThat(service.send("GET", "/api/v1/auth/verify-email/" + token, null, null).statusCode())
                .isEqualTo(200);
        return token;
    }

    private static long count(String sql, Object... parameters) {
        return service.jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.bind(i, parameters[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void signUpVerifyAndSignIn() {
        HttpResponse<String> created = service.send("POST", "/api/v1/auth/register", null,
                body("email", "Signup@Example.test", "password", STRONG, "name", "Signup Ltd"),
                Map.of("X-Forwarded-Host", "attacker.example", "X-Forwarded-For", "203.0.113.9"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode user = json(created);
        assertThat(user.get("email").asText()).isEqualTo("signup@example.test");
        assertThat(user.get("is_active").asBoolean()).isFalse();
        assertThat(user.has("password_hash")).isFalse();
        assertThat(login("signup@example.test", STRONG).statusCode()).isEqualTo(401);

        String mail = service.awaitMailTo("signup@example.test", 0);
        String token = tokenIn(mail);
        assertThat(mail).contains(RunningService.PUBLIC_URL + "/api/v1/auth/verify-email/" + token)
                .doesNotContain("attacker.example");
        assertThat(service.send("GET", "/api/v1/auth/verify-email/" + token, null, null).statusCode())
                .isEqualTo(200);
        assertThat(service.send("GET", "/api/v1/auth/verify-email/" + token, null, null).statusCode())
                .isEqualTo(400);
        assertThat(login("SIGNUP@example.TEST", STRONG).statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log a JOIN \"user\" u ON u.id = a.resource_id"
                + " WHERE u.email = 'signup@example.test' AND a.action = 'EMAIL_VERIFIED'"
                + " AND a.ip_address = '127.0.0.1' AND a.user_agent IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void privilegedFieldsAreRejected() {
        for (String field : List.of("is_admin", "isAdmin", "admin", "user", "client_id", "is_active")) {
            String json = "{\"email\":\"mass-" + field.toLowerCase() + "@example.test\",\"password\":\"" + STRONG
                    + "\",\"name\":\"Mass\",\"" + field + "\":true}";
            HttpResponse<String> response = post("/api/v1/auth/register", null, json);

            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
        assertThat(count("SELECT count(*) FROM \"user\" WHERE email LIKE 'mass-%'")).isZero();
    }

    @Test
    void emailCaseVariantsConflict() {
        assertThat(register("User3@Example.test", STRONG, "Three").statusCode()).isEqualTo(201);

        assertThat(register("user3@example.test", STRONG, "Three").statusCode()).isEqualTo(409);
        assertThat(register(" USER3@EXAMPLE.TEST ", STRONG, "Three").statusCode()).isEqualTo(409);
        assertThat(post("/api/v1/admin/users", admin, body("email", "User3@example.test", "password", STRONG))
                .statusCode()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM \"user\" WHERE lower(email) = 'user3@example.test'")).isEqualTo(1);
    }

    @Test
    void parallelCaseVariantSignUpsCreateOneAccount() throws Exception {
        String[] variants = {"user4@example.test", "USER4@example.test", "User4@Example.test"};
        int[] next = {0};

        List<Integer> statuses = race(12, () -> {
            String email;
            synchronized (next) {
                email = variants[next[0]++ % variants.length];
            }
            return register(email, STRONG, "Four").statusCode();
        });

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(11);
        assertThat(count("SELECT count(*) FROM \"user\" WHERE email = 'user4@example.test'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM client WHERE name = 'Four'")).isEqualTo(1);
    }

    @Test
    void parallelWrongPasswordsLockExactly() throws Exception {
        registerVerified("target@example.test", STRONG);
        int mails = service.mailsTo("target@example.test").size();

        List<Integer> statuses = race(50, () -> login("target@example.test", "wrong password guess").statusCode());

        assertThat(statuses).allMatch(status -> status == 401 || status == 429);
        long attempts = count("SELECT failed_login_attempts FROM \"user\" WHERE email = 'target@example.test'");
        assertThat(attempts).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM \"user\" WHERE email = 'target@example.test'"
                + " AND locked_until > now() AT TIME ZONE 'UTC'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log a JOIN \"user\" u ON u.id = a.resource_id"
                + " WHERE u.email = 'target@example.test' AND a.action = 'ACCOUNT_LOCKED'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log a JOIN \"user\" u ON u.id = a.resource_id"
                + " WHERE u.email = 'target@example.test' AND a.action = 'LOGIN_FAILED'")).isEqualTo(5);
        assertThat(login("target@example.test", STRONG).statusCode()).isEqualTo(401);
        assertThat(service.awaitMailTo("target@example.test", mails)).contains("locked");

        String targetId = service.jdbi.withHandle(handle -> handle.createQuery(
                "SELECT id::text FROM \"user\" WHERE email = 'target@example.test'").mapTo(String.class).one());
        assertThat(post("/api/v1/admin/users/" + targetId + "/unlock", admin, null).statusCode()).isEqualTo(200);
        assertThat(login("target@example.test", STRONG).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownEmailFloodWritesNothing() throws Exception {
        long users = count("SELECT count(*) FROM \"user\"");
        long audit = count("SELECT count(*) FROM audit_log");

        List<Integer> statuses = race(50, () -> login("ghost@example.test", "wrong password guess").statusCode());

        assertThat(statuses).allMatch(status -> status == 401 || status == 429);
        assertThat(count("SELECT count(*) FROM \"user\"")).isEqualTo(users);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(audit);
    }

    @Test
    void resetVoidsOtherTokensAndSessions() {
        registerVerified("reset@example.test", STRONG);
        String session = service.login("reset@example.test", STRONG);
        int mails = service.mailsTo("reset@example.test").size();
        assertThat(post("/api/v1/auth/forgot-password", null, body("email", "Reset@EXAMPLE.test")).statusCode())
                .isEqualTo(202);
        String first = tokenIn(service.awaitMailTo("reset@example.test", mails));
        assertThat(post("/api/v1/auth/forgot-password", null, body("email", "reset@example.test")).statusCode())
                .isEqualTo(202);
        String second = tokenIn(service.awaitMailTo("reset@example.test", mails + 1));

        assertThat(post("/api/v1/auth/reset-password", null, body("token", second, "new_password", OTHER))
                .statusCode()).isEqualTo(204);

        HttpResponse<String> reuse = post("/api/v1/auth/reset-password", null,
                body("token", second, "new_password", "yet another passphrase"));
        HttpResponse<String> older = post("/api/v1/auth/reset-password", null,
                body("token", first, "new_password", "yet another passphrase"));
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(older.statusCode()).isEqualTo(400);
        assertThat(json(older).get("errors")).isEqualTo(json(reuse).get("errors"));
        assertThat(service.send("GET", "/api/v1/auth/me", session, null).statusCode()).isEqualTo(401);
        assertThat(login("reset@example.test", STRONG).statusCode()).isEqualTo(401);
        assertThat(login("reset@example.test", OTHER).statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM one_time_token WHERE token_hash = ?", second)).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE details::text LIKE ?", "%" + second + "%")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE details::text LIKE ?", "%" + OTHER + "%")).isZero();
    }

    @Test
    void unknownAndKnownEmailsGetSameAnswer() {
        registerVerified("known@example.test", STRONG);

        HttpResponse<String> known = post("/api/v1/auth/forgot-password", null, body("email", "known@example.test"));
        HttpResponse<String> unknown = post("/api/v1/auth/forgot-password", null,
                body("email", "unknown@example.test"));

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(known.body()).isEqualTo(unknown.body());
    }

    @Test
    void changePasswordVoidsOwnToken() {
        registerVerified("changer@example.test", STRONG);
        String session = service.login("changer@example.test", STRONG);

        HttpResponse<String> changed = post("/api/v1/auth/change-password", session,
                body("current_password", STRONG, "new_password", OTHER));

        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(service.send("GET", "/api/v1/auth/me", session, null).statusCode()).isEqualTo(401);
        assertThat(login("changer@example.test", OTHER).statusCode()).isEqualTo(200);
    }

    @Test
    void wholePasswordCountsBeyondBcryptLimit() {
        String long100 = "Ab1!".repeat(25);
        registerVerified("long@example.test", long100);
        byte[] bytes = long100.getBytes(StandardCharsets.UTF_8);
        String first72 = new String(bytes, 0, 72, StandardCharsets.US_ASCII);

        assertThat(login("long@example.test", first72).statusCode()).isEqualTo(401);
        assertThat(login("long@example.test", first72 + "X").statusCode()).isEqualTo(401);
        assertThat(login("long@example.test", long100).statusCode()).isEqualTo(200);
        for (String password : List.of("A".repeat(71), "A".repeat(72), "A".repeat(73), "é".repeat(36),
                "\uD83D\uDE00".repeat(19))) {
            int status = register("len" + password.length() + "-" + password.codePointAt(0) + "@example.test",
                    password, "Lengths").statusCode();
            assertThat(status).as("password of %d chars", password.length()).isIn(201, 400);
        }
    }

    @Test
    void meNeverShowsPasswordHash() {
        HttpResponse<String> me = service.send("GET", "/api/v1/auth/me", admin, null);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).doesNotContain("password").doesNotContain("$2a$");
        assertThat(json(me).get("is_admin").asBoolean()).isTrue();
    }
}
