package dev.reservation.web.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.reservation.web.api.OpenApiRoutes;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds every API exchange of the tests to the OpenAPI document the app serves
 * ({@link OpenApiRoutes#RESOURCE}): {@link Http} hands each request under {@code /api/v1} and the
 * response it got to {@link #check}, which throws an {@link AssertionError} (failing the test) when
 * <ul>
 *   <li>the response does not match the document: an undocumented status, content type, header or
 *       body shape;</li>
 *   <li>the document has no such path or method but the app answered anything other than 401, 403,
 *       404 or 405 (an endpoint missing from the document);</li>
 *   <li>the document says the request is invalid but the app did not answer 4xx (the document is
 *       stricter than the app).</li>
 * </ul>
 * A test may send an invalid request on purpose: then the app must refuse it, and the refusal is
 * checked against the document like any answer. Thread-safe (the validator is).
 */
public final class ApiContract {
    private static final String PREFIX = "/api/v1";
    private static final Set<String> UNROUTED = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    private static volatile OpenApiInteractionValidator validator;

    private ApiContract() {
    }

    static boolean covers(URI uri) {
        String path = uri.getRawPath();
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Checks one exchange; see the class comment. */
    static void check(HttpRequest request, String requestBody, int status, HttpHeaders headers, String body) {
        URI uri = request.uri();
        if (!covers(uri)) {
            return;
        }
        if (status >= 502 && status <= 504 && headers.firstValue("X-Content-Type-Options").isEmpty()) {
            return; // a gateway's own answer (a load balancer in front of the app, every app instance gone), not the app's
        }
        Request.Method method = Request.Method.valueOf(request.method());
        SimpleRequest.Builder rb = new SimpleRequest.Builder(method, uri.getRawPath());
        request.headers().map().forEach((name, values) -> rb.withHeader(name, values));
        if (requestBody != null && !requestBody.isEmpty()) {
            rb.withBody(requestBody);
        }
        query(uri).forEach((name, values) -> rb.withQueryParam(name, values));
        SimpleResponse.Builder sb = SimpleResponse.Builder.status(status);
        headers.map().forEach((name, values) -> sb.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            sb.withBody(body);
        }
        String what = request.method() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " -> " + status;

        ValidationReport requestReport = validator().validateRequest(rb.build());
        List<ValidationReport.Message> requestErrors = errors(requestReport);
        boolean unrouted = requestErrors.stream().anyMatch(m -> UNROUTED.contains(m.getKey()));
        if (unrouted) {
            if (status != 401 && status != 403 && status != 404 && status != 405) {
                throw new AssertionError("the OpenAPI document (" + OpenApiRoutes.RESOURCE + ") has no operation for "
                        + what + ", but the app serves it: document it\n" + describe(requestErrors));
            }
            return; // an unknown path, refused: nothing in the document to hold the answer to
        }
        if (!requestErrors.isEmpty() && (status < 400 || status > 499)) {
            throw new AssertionError("the OpenAPI document says the request " + what + " is invalid, yet the app"
                    + " did not refuse it with a 4xx: the document is stricter than the app\n" + describe(requestErrors));
        }
        ValidationReport responseReport = validator().validateResponse(uri.getRawPath(), method, sb.build());
        List<ValidationReport.Message> responseErrors = errors(responseReport);
        if (!responseErrors.isEmpty()) {
            throw new AssertionError("the answer to " + what + " does not match the OpenAPI document ("
                    + OpenApiRoutes.RESOURCE + ")\n" + describe(responseErrors) + "\nbody: " + abbreviate(body));
        }
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
    }

    private static String describe(List<ValidationReport.Message> messages) {
        return messages.stream().map(m -> "  " + m.getKey() + ": " + m.getMessage()
                + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String body) {
        return body == null ? "(none)" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /**
     * The served 3.1 document in the 3.0 dialect the validator checks reliably (its 3.1 support
     * reads a {@code type: string} header or parameter as JSON). Only what differs in the subset
     * the document uses is rewritten, each the same constraint: {@code type: [X, "null"]} becomes
     * {@code type: X, nullable: true}; 3.1-only info fields are dropped. A 3.1 construct
     * outside that subset fails here rather than being checked loosely.
     */
    static com.fasterxml.jackson.databind.JsonNode asOpenApi30(com.fasterxml.jackson.databind.JsonNode document) {
        com.fasterxml.jackson.databind.node.ObjectNode copy =
                (com.fasterxml.jackson.databind.node.ObjectNode) document.deepCopy();
        copy.put("openapi", "3.0.3");
        com.fasterxml.jackson.databind.node.ObjectNode info = (com.fasterxml.jackson.databind.node.ObjectNode) copy.get("info");
        info.remove("summary");
        if (info.has("license")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) info.get("license")).remove("identifier");
        }
        downgrade(copy);
        return copy;
    }

    private static void downgrade(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            com.fasterxml.jackson.databind.JsonNode type = object.get("type");
            if (type != null && type.isArray()) {
                List<String> types = new ArrayList<>();
                type.forEach(t -> types.add(t.asText()));
                boolean nullable = types.remove("null");
                if (types.size() != 1) {
                    throw new IllegalStateException("the document uses a type union the validator cannot hold: " + type);
                }
                object.put("type", types.get(0));
                if (nullable) {
                    object.put("nullable", true);
                }
            }
            object.elements().forEachRemaining(ApiContract::downgrade);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(ApiContract::downgrade);
        }
    }

    /** The validator over the document, built once per test JVM. */
    public static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator v = validator;
        if (v == null) {
            synchronized (ApiContract.class) {
                v = validator;
                if (v == null) {
                    v = OpenApiInteractionValidator
                            .createForInlineApiSpecification(asOpenApi30(OpenApiRoutes.document()).toString())
                            .build();
                    validator = v;
                }
            }
        }
        return v;
    }
}
