package dev.reservation.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Parses JSON bodies and checks that error bodies stay free of internals. */
public final class JsonAssert {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonAssert() {
    }

    public static JsonNode json(Http.Response response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** No exception class names, no stack frames, no parser source excerpts. */
    public static void assertNoInternals(Http.Response response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.")
                .doesNotContain("at java.").doesNotContain("jackson").doesNotContain("[Source:");
    }

    /** A reservation request body. */
    public static String booking(String roomId, String userId, String start, String end, String title, int attendees) {
        return "{\"roomId\":\"" + roomId + "\",\"userId\":\"" + userId + "\",\"start\":\"" + start + "\",\"end\":\""
                + end + "\",\"title\":\"" + title + "\",\"attendees\":" + attendees + "}";
    }
}
