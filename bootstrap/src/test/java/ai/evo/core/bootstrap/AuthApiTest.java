package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.client.ClientId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, lockout and bearer-token checks end to end. */
class AuthApiTest {
    private static TestService service;
    private static ClientId client;

    @BeforeAll
    static void start() {
        service = TestService.start();
        String admin = service.adminToken();
        String id = service.post("/api/v1/clients", admin, "{\"name\":\"Auth Co\",\"email\":\"ops@auth.example\"}")
                .json().get("id").asText();
        client = new ClientId(UUID.fromString(id));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static TestService.Response login(String email, String password) {
        return service.post("/api/v1/auth/login", null,
                "{\"email\":" + TestService.quote(email) + ",\"password\":" + TestService.quote(password) + "}");
    }

    @Test
    void loginReturnsBearerToken() {
        TestService.Response response = login(TestService.ADMIN_EMAIL, TestService.ADMIN_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(response.json().get("expires_in").asInt()).isEqualTo(1800);
        assertThat(response.json().get("access_token").asText()).contains(".");
    }

    @Test
    void wrongPasswordAndUnknownEmailLookAlike() {
        String email = "alike-" + UUID.randomUUID() + "@example.test";
        service.addClientUser(client, email);

        TestService.Response wrong = login(email, "wrong passphrase entirely");
        TestService.Response unknown = login("nobody-" + UUID.randomUUID() + "@example.test", "whatever passphrase");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(wrong.json().get("title")).isEqualTo(unknown.json().get("title"));
    }

    @Test
    void fiveFailuresLockEvenTheRightPassword() {
        String email = "locked-" + UUID.randomUUID() + "@example.test";
        service.addClientUser(client, email);

        for (int i = 0; i < TestService.LOCKOUT_THRESHOLD; i++) {
            assertThat(login(email, "wrong passphrase entirely").status()).isEqualTo(401);
        }

        assertThat(login(email, TestService.USER_PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void successResetsFailureCount() {
        String email = "reset-" + UUID.randomUUID() + "@example.test";
        service.addClientUser(client, email);

        for (int i = 0; i < TestService.LOCKOUT_THRESHOLD - 1; i++) {
            login(email, "wrong passphrase entirely");
        }
        assertThat(login(email, TestService.USER_PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < TestService.LOCKOUT_THRESHOLD - 1; i++) {
            login(email, "wrong passphrase entirely");
        }

        assertThat(login(email, TestService.USER_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void emailCaseDoesNotMatter() {
        String email = "case-" + UUID.randomUUID() + "@example.test";
        service.addClientUser(client, email);

        assertThat(login(email.toUpperCase(), TestService.USER_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void missingMalformedAndForgedTokensAre401() {
        String valid = service.adminToken();
        String[] parts = valid.split("\\.");
        String unsignedHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String algNone = unsignedHeader + "." + parts[1] + ".";
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2) + "AA";

        for (String token : new String[] {null, "not-a-jwt", algNone, badSignature, parts[0] + "." + parts[1]}) {
            TestService.Response response = service.get("/api/v1/clients", token);
            assertThat(response.status()).as("token %s", token).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as("token %s", token).isPresent();
        }
        assertThat(service.get("/api/v1/clients", valid).status()).isEqualTo(200);
    }

    @Test
    void unknownLoginFieldIsRejected() {
        TestService.Response response = service.post("/api/v1/auth/login", null,
                "{\"email\":\"a@b.example\",\"password\":\"x\",\"is_admin\":true}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("is_admin");
    }

    @Test
    void failedLoginsAreAuditedWithoutPassword() {
        String email = "audit-" + UUID.randomUUID() + "@example.test";
        service.addClientUser(client, email);

        login(email, "secret wrong passphrase");

        String rows = service.get("/api/v1/admin/audit-logs?action=LOGIN_FAILED", service.adminToken()).body();
        assertThat(rows).contains("LOGIN_FAILED").doesNotContain("secret wrong passphrase");
    }
}
