package ai.evo.core.bootstrap;

import static ai.evo.core.bootstrap.RunningService.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Floods the login route of a service that allows one bcrypt request at a time and none waiting. */
class LoginFloodTest {

    @Test
    void floodBeyondSlotsGets429WithRetryAfter() throws Exception {
        Map<String, String> oneSlot = Map.of("EVO_LOGIN_CONCURRENCY", "1", "EVO_BCRYPT_COST", "10");
        try (RunningService service = RunningService.start(RunningService.temporaryDirectory(), oneSlot)) {
            ExecutorService executor = Executors.newFixedThreadPool(30);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> futures = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    futures.add(executor.submit(() -> {
                        start.await();
                        return service.send("POST", "/api/v1/auth/login", null,
                                body("email", "nobody@example.test", "password", "wrong password guess"));
                    }));
                }
                start.countDown();
                List<HttpResponse<String>> responses = new ArrayList<>();
                for (Future<HttpResponse<String>> future : futures) {
                    responses.add(future.get());
                }

                assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(401, 429);
                List<HttpResponse<String>> rejected = responses.stream()
                        .filter(response -> response.statusCode() == 429).toList();
                assertThat(rejected).isNotEmpty();
                assertThat(rejected).allSatisfy(response ->
                        assertThat(response.headers().firstValue("Retry-After")).contains("1"));
                assertThat(service.send("GET", "/health/live", null, null).statusCode()).isEqualTo(200);
            } finally {
                executor.shutdownNow();
            }
        }
    }
}
