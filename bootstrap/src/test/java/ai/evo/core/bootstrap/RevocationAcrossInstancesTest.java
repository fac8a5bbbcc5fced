package ai.evo.core.bootstrap;

import static ai.evo.core.bootstrap.RunningService.body;
import static ai.evo.core.bootstrap.RunningService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two instances share one database and keysets. A deactivation on one instance voids the user's token on the
 * other once the other's cached account state expires, which takes at most 4 seconds.
 */
class RevocationAcrossInstancesTest {
    private static final String STRONG = "seven purple ducks argue loudly";
    /** The cache lifetime of the HTTP adapter (4 s) plus a margin for the requests themselves. */
    private static final long CACHE_EXPIRY_MILLIS = 4_500;

    @Test
    void deactivationReachesOtherInstance() throws Exception {
        Path directory = RunningService.temporaryDirectory();
        try (RunningService first = RunningService.start(directory);
             RunningService second = first.startPeer(directory)) {
            String admin = first.login(RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD);
            String client = json(first.send("POST", "/api/v1/clients", admin,
                    body("name", "Shared", "email", "shared@example.test"))).get("id").asText();
            String userId = json(first.send("POST", "/api/v1/clients/" + client + "/users", admin,
                    body("email", "roamer@example.test", "password", STRONG))).get("id").asText();
            String token = second.login("roamer@example.test", STRONG);
            assertThat(second.send("GET", "/api/v1/auth/me", token, null).statusCode()).isEqualTo(200);

            assertThat(first.send("DELETE", "/api/v1/admin/users/" + userId, admin, null).statusCode())
                    .isEqualTo(204);
            assertThat(first.send("GET", "/api/v1/auth/me", token, null).statusCode()).isEqualTo(401);
            Thread.sleep(CACHE_EXPIRY_MILLIS);

            assertThat(second.send("GET", "/api/v1/auth/me", token, null).statusCode()).isEqualTo(401);
        }
    }
}
