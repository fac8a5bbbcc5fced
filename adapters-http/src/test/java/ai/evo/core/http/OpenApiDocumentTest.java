package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    private static final Set<String> PUBLIC_OPERATIONS = Set.of("GET /health/live", "GET /health/ready",
            "GET /api/v1/openapi.json", "POST /api/v1/auth/login", "POST /api/v1/auth/register",
            "GET /api/v1/auth/verify-email/{token}", "POST /api/v1/auth/resend-verification",
            "POST /api/v1/auth/forgot-password", "POST /api/v1/auth/reset-password");
    /** POST operations that take no body, because the path names everything they need. */
    private static final Set<String> BODILESS_POSTS = Set.of("POST /api/v1/admin/users/{id}/unlock");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    @TempDir
    static Path dir;

    private TestApi api;
    private final OpenApiDocument document = OpenApiDocument.load(new Json());

    @BeforeAll
    void start() {
        api = TestApi.start(dir);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void registeredRoutesMatchDocument() {
        List<RouteKey> registered = api.api.registeredRoutes();

        assertThat(registered).isNotEmpty();
        assertThat(document.differencesFrom(registered)).isEmpty();
        assertThat(document.operations()).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void undocumentedRouteIsReported() {
        ObjectNode tree = document.tree().deepCopy();
        ((ObjectNode) tree.get("paths").get("/api/v1/clients/{id}")).remove("delete");
        OpenApiDocument incomplete = OpenApiDocument.parse(tree, new Json());

        assertThat(incomplete.differencesFrom(api.api.registeredRoutes())).containsExactly(
                "DELETE /api/v1/clients/{id} is registered but missing from the OpenAPI document");
    }

    @Test
    void documentedRouteWithoutHandlerIsReported() {
        ObjectNode tree = document.tree().deepCopy();
        ((ObjectNode) tree.get("paths")).putObject("/api/v1/unregistered").putObject("get").putObject("responses");
        OpenApiDocument extended = OpenApiDocument.parse(tree, new Json());

        assertThat(extended.differencesFrom(api.api.registeredRoutes())).containsExactly(
                "GET /api/v1/unregistered is in the OpenAPI document but no such route is registered");
    }

    @Test
    void servedJsonEqualsBundledDocument() {
        HttpResponse<String> response = api.get("/api/v1/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(TestApi.json(response)).isEqualTo(document.tree());
    }

    @Test
    void documentIsOpenApi31WithBearerScheme() {
        JsonNode tree = document.tree();

        assertThat(tree.get("openapi").asText()).startsWith("3.1.");
        JsonNode scheme = tree.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.get("type").asText()).isEqualTo("http");
        assertThat(scheme.get("scheme").asText()).isEqualTo("bearer");
        assertThat(tree.at("/security/0/bearerAuth").isArray()).isTrue();
    }

    @Test
    void onlyPublicOperationsOptOutOfSecurity() {
        forEachOperation((key, operation) -> {
            boolean optsOut = operation.has("security") && operation.get("security").isEmpty();
            assertThat(optsOut).as("%s opts out of bearer security", key).isEqualTo(PUBLIC_OPERATIONS.contains(key));
            if (!optsOut) {
                assertThat(operation.at("/responses/401").isMissingNode()).as("%s documents 401", key).isFalse();
            }
        });
    }

    @Test
    void everyOperationDocumentsSuccessErrorsAndParameters() {
        forEachOperation((key, operation) -> {
            JsonNode responses = operation.get("responses");
            assertThat(responses.has("200") || responses.has("201") || responses.has("202") || responses.has("204"))
                    .as("%s documents a success response", key).isTrue();
            assertThat(responses.has("500")).as("%s documents 500", key).isTrue();
            assertThat(operation.has("operationId")).as("%s has an operationId", key).isTrue();
            String path = key.substring(key.indexOf(' ') + 1);
            Matcher parameters = PATH_PARAMETER.matcher(path);
            while (parameters.find()) {
                assertThat(declaredPathParameters(path, operation)).as("%s declares {%s}", key, parameters.group(1))
                        .contains(parameters.group(1));
            }
            boolean hasBody = (key.startsWith("POST") || key.startsWith("PUT")) && !BODILESS_POSTS.contains(key);
            if (BODILESS_POSTS.contains(key)) {
                assertThat(operation.has("requestBody")).as("%s takes no body", key).isFalse();
            }
            if (hasBody) {
                assertThat(operation.at("/requestBody/content/application~1json/schema").isMissingNode())
                        .as("%s documents its JSON body", key).isFalse();
                assertThat(responses.has("400") && responses.has("413") && responses.has("415"))
                        .as("%s documents 400, 413 and 415", key).isTrue();
            }
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document.tree(), references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).startsWith("#/");
            assertThat(document.tree().at(JsonPointer.compile(reference.substring(1))).isMissingNode())
                    .as("reference %s resolves", reference).isFalse();
        }
    }

    @Test
    void requestSchemasRejectUnknownFields() {
        for (String schema : List.of("LoginRequest", "ClientInput", "AgentInput", "ContactInput", "ToolInput",
                "McpServerInput")) {
            assertThat(document.tree().at("/components/schemas/" + schema + "/additionalProperties").asBoolean(true))
                    .as("%s has additionalProperties: false", schema).isFalse();
        }
    }

    private List<String> declaredPathParameters(String path, JsonNode operation) {
        List<String> names = new ArrayList<>();
        List<JsonNode> lists = List.of(document.tree().get("paths").get(path).path("parameters"),
                operation.path("parameters"));
        for (JsonNode list : lists) {
            for (JsonNode parameter : list) {
                JsonNode resolved = parameter.has("$ref")
                        ? document.tree().at(JsonPointer.compile(parameter.get("$ref").asText().substring(1)))
                        : parameter;
                if (resolved.path("in").asText().equals("path")) {
                    names.add(resolved.get("name").asText());
                }
            }
        }
        return names;
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        int count = 0;
        for (Map.Entry<String, JsonNode> path : document.tree().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!operation.getKey().equals("parameters")) {
                    check.accept(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                            operation.getValue());
                    count++;
                }
            }
        }
        assertThat(count).as("operations checked").isEqualTo(document.operations().size());
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}
