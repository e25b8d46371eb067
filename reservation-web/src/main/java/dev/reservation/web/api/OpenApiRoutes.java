package dev.reservation.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the API's contract, the OpenAPI 3.1 document {@code openapi/openapi.yaml} (in this
 * module's resources), as JSON at {@value #PATH}, to anyone (it holds no data). The document is read
 * once, at start-up: a document that does not parse stops the app from starting. Thread-safe.
 */
public final class OpenApiRoutes {
    public static final String PATH = "/api/v1/openapi.json";
    /** Where the document lives on the class path; tests validate against this same file. */
    public static final String RESOURCE = "/openapi/openapi.yaml";

    private final String json;

    public OpenApiRoutes() {
        this.json = document().toString();
    }

    /** The document, parsed. */
    public static JsonNode document() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper(new YAMLMapper().getFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + RESOURCE + " does not parse", e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.header("Cache-Control", "public, max-age=300").contentType("application/json")
                .result(json));
    }
}
