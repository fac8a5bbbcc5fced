package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulStopTest {
    @TempDir
    Path dir;

    @Test
    void inFlightRequestFinishesDuringStop() throws Exception {
        TestApi api = TestApi.start(dir, TestApi.settings(64 * 1024, Duration.ofSeconds(20), Set.of()));
        CountDownLatch gate = new CountDownLatch(1);
        api.clients.blockNextReadUntil(gate);
        CompletableFuture<HttpResponse<String>> inFlight = api.http.sendAsync(
                api.request("/api/v1/clients/" + api.clientA.id(), api.tokenFor(api.admin)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.clients.awaitBlockedRead(10)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(api::close);
        assertThat(awaitConnectionRefused(api.port, Duration.ofSeconds(10))).isTrue();
        assertThat(stopping).isNotDone();
        gate.countDown();

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestApi.json(response).get("name").asText()).isEqualTo("Client A");
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void stopGivesUpAfterTimeout() throws Exception {
        TestApi api = TestApi.start(dir, TestApi.settings(64 * 1024, Duration.ofSeconds(1), Set.of()));
        CountDownLatch gate = new CountDownLatch(1);
        api.clients.blockNextReadUntil(gate);
        api.http.sendAsync(api.request("/api/v1/clients/" + api.clientA.id(), api.tokenFor(api.admin)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.clients.awaitBlockedRead(10)).isTrue();

        long started = System.nanoTime();
        api.close();
        Duration stopDuration = Duration.ofNanos(System.nanoTime() - started);
        gate.countDown();

        assertThat(stopDuration).isLessThan(Duration.ofSeconds(6));
        assertThat(stopDuration).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(awaitConnectionRefused(api.port, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void stopIsIdempotentAndStartOnlyOnce() {
        TestApi api = TestApi.start(dir);

        api.close();
        api.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(api.api::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }

    @Test
    void busyPortFailsWithAddressInMessage() {
        try (TestApi first = TestApi.start(dir)) {
            HttpSettings samePort = new HttpSettings("127.0.0.1", first.port, 1024, Duration.ofSeconds(1), Set.of());
            HttpApi second = HttpApi.create(samePort, first.services, first.tokens, () -> true);

            org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port);
            second.stop();
        }
    }

    private static boolean awaitConnectionRefused(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
                Thread.sleep(50);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                Thread.sleep(50);
            }
        }
        return false;
    }
}
