package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.web.api.OpenApiRoutes;
import dev.reservation.web.support.ApiContractProbe;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract itself: the document is served to anyone, is OpenAPI 3.1, and the check every API
 * test goes through ({@code support.ApiContract}, called by {@code support.Http}) fails on each kind
 * of drift: an undocumented endpoint, an undocumented field or status, a document stricter than the app.
 */
class ApiContractTest {
    TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void servesTheDocumentToAnyoneAsOpenApi31() throws Exception {
        Http.Response r = app.http().get(OpenApiRoutes.PATH);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode doc = new ObjectMapper().readTree(r.body());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc).isEqualTo(OpenApiRoutes.document());
        assertThat(doc.get("paths").has("/api/v1/reservations")).isTrue();
    }

    @Test
    void everyOperationHasAnIdAndDocumentsItsErrorsAsProblems() {
        JsonNode paths = OpenApiRoutes.document().get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getKey().equals("parameters")) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            assertThat(op.getValue().path("operationId").asText()).as(where).isNotEmpty();
            JsonNode responses = op.getValue().get("responses");
            assertThat(responses.has("500")).as(where + " documents 500").isTrue();
            if (!path.getKey().equals(OpenApiRoutes.PATH)) {
                assertThat(responses.has("401")).as(where + " documents 401").isTrue();
            }
        }));
    }

    /**
     * Every /api/v1 route the app registers has its operation in the document, and every
     * documented operation is served: an endpoint no test happens to call cannot drift either.
     */
    @Test
    void theDocumentHasExactlyTheOperationsTheAppServes() {
        java.util.Set<String> served = new java.util.TreeSet<>();
        for (String route : app.app().routes()) {
            String path = route.substring(route.indexOf(' ') + 1);
            if ((path.equals("/api/v1") || path.startsWith("/api/v1/")) && !route.startsWith("HEAD ")
                    && !route.startsWith("OPTIONS ")) {
                served.add(route);
            }
        }
        java.util.Set<String> documented = new java.util.TreeSet<>();
        OpenApiRoutes.document().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> {
                    if (!method.equals("parameters")) {
                        documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                }));
        assertThat(served).as("served /api/v1 routes").isNotEmpty();
        assertThat(documented).as("the OpenAPI document's operations vs the app's /api/v1 routes")
                .containsExactlyElementsOf(served);
    }

    @Test
    void anUndocumentedEndpointThatAnswersFailsTheTest() {
        assertThatThrownBy(() -> ApiContractProbe.check("GET", "/api/v1/teapots", null, 200,
                Map.of("Content-Type", List.of("application/json")), "[]"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("has no operation for GET /api/v1/teapots");
        // refused: nothing to hold it to
        ApiContractProbe.check("GET", "/api/v1/teapots", null, 404,
                Map.of("Content-Type", List.of("application/problem+json")), "{}");
    }

    @Test
    void anUndocumentedFieldOrStatusFailsTheTest() {
        String user = "{\"id\":\"u-1\",\"name\":\"A\",\"email\":\"a@example.com\",\"role\":\"MEMBER\",\"active\":true";
        ApiContractProbe.check("GET", "/api/v1/users/u-1", null, 200,
                Map.of("Content-Type", List.of("application/json")), user + "}");

        assertThatThrownBy(() -> ApiContractProbe.check("GET", "/api/v1/users/u-1", null, 200,
                Map.of("Content-Type", List.of("application/json")), user + ",\"passwordHash\":\"x\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("passwordHash");
        assertThatThrownBy(() -> ApiContractProbe.check("GET", "/api/v1/users/u-1", null, 418,
                Map.of("Content-Type", List.of("application/json")), user + "}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
        assertThatThrownBy(() -> ApiContractProbe.check("GET", "/api/v1/users/u-1", null, 404,
                Map.of("Content-Type", List.of("application/json")), "{\"error\":\"no user\"}"))
                .as("an error must be a problem").isInstanceOf(AssertionError.class);
    }

    @Test
    void aRequestTheDocumentRefusesButTheAppTakesFailsTheTest() {
        String body = "{\"name\":\"Eve\"}"; // no email: the document requires one
        assertThatThrownBy(() -> ApiContractProbe.check("POST", "/api/v1/users", body, 201,
                Map.of("Content-Type", List.of("application/json"), "Location", List.of("/api/v1/users/u-2")),
                "{\"id\":\"u-2\",\"name\":\"Eve\",\"email\":\"\",\"role\":\"MEMBER\",\"active\":true}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("stricter than the app");
    }

    @Test
    void errorsAreProblemsWithTheOldErrorFieldKept() throws Exception {
        Http.Response r = app.api(TestApp.GRACE).get("/api/v1/reservations/nope");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(r.body());
        assertThat(problem.get("type").asText()).isEqualTo("tag:reservations.meeting-rooms,2026:problem:not-found");
        assertThat(problem.get("title").asText()).isEqualTo("Not found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).contains("nope");
        assertThat(problem.get("error").asText()).isEqualTo(problem.get("detail").asText());
    }
}
