package dev.reservation.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the one JSON document a command prints with {@code --json}. Absent values are written as
 * {@code null}, so every field name is always there. Thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private Json() {
    }

    /** Pretty-printed, for a document that is the whole output. */
    public static String write(Object document) {
        return write(MAPPER, document);
    }

    /** On one line, for streams of documents (JSON Lines). */
    public static String line(Object document) {
        return write(COMPACT, document);
    }

    /** An object with the given fields in the given order: {@code object("user", view, "replayed", false)}. */
    public static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    private static String write(ObjectMapper mapper, Object document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + document.getClass().getSimpleName(), e);
        }
    }
}
