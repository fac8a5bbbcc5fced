package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting a catalog tool while an agent is being changed to use it must never let both succeed: either the
 * delete sees the agent and answers 409, or the agent change finds no tool and answers 422.
 */
class CatalogReferenceRaceTest {
    private static final int ROUNDS = 8;

    private static TestService service;
    private static String admin;
    private static String agentId;

    @BeforeAll
    static void start() {
        service = TestService.start();
        admin = service.adminToken();
        String client = service.post("/api/v1/clients", admin, "{\"name\":\"Race Co\",\"email\":\"ops@race.example\"}")
                .json().get("id").asText();
        agentId = service.post("/api/v1/agents", admin, "{\"client_id\":\"" + client + "\",\"name\":\"racer\","
                + "\"type\":\"llm\",\"model\":\"m\",\"api_key\":\"sk-race-0000-1111\"}").json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void toolDeleteAndAgentUseNeverBothSucceed() {
        for (int round = 0; round < ROUNDS; round++) {
            String tool = service.post("/api/v1/tools", admin, "{\"name\":\"raced-tool-" + round + "\"}")
                    .json().get("id").asText();
            CountDownLatch go = new CountDownLatch(1);

            CompletableFuture<Integer> use = CompletableFuture.supplyAsync(() -> {
                await(go);
                return service.put("/api/v1/agents/" + agentId, admin,
                        "{\"config_json\":{\"tools\":[{\"id\":\"" + tool + "\"}]}}").status();
            });
            CompletableFuture<Integer> delete = CompletableFuture.supplyAsync(() -> {
                await(go);
                return service.delete("/api/v1/tools/" + tool, admin).status();
            });
            go.countDown();

            int useStatus = use.join();
            int deleteStatus = delete.join();
            assertThat(useStatus == 200 && deleteStatus == 204)
                    .as("round %d: agent change %d and tool delete %d both succeeded", round, useStatus, deleteStatus)
                    .isFalse();
            service.put("/api/v1/agents/" + agentId, admin, "{\"config_json\":{}}");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
