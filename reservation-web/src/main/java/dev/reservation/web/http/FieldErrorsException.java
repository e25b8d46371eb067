package dev.reservation.web.http;

import dev.reservation.core.domain.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request input the web layer refused before it reached the core: one or more fields, each with
 * its own message (a form with three wrong fields shows three messages at once). A subclass of the
 * core's {@link InvalidInputException}, so the one error mapper treats both alike (400). Immutable.
 */
public final class FieldErrorsException extends InvalidInputException {
    private final Map<String, String> fields;

    public FieldErrorsException(Map<String, String> fields) {
        super(firstField(fields), summary(fields));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static FieldErrorsException of(String field, String message) {
        return new FieldErrorsException(Map.of(field, message));
    }

    @Override
    public Map<String, String> fieldErrors() {
        return fields;
    }

    private static String firstField(Map<String, String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("at least one field error");
        }
        return fields.keySet().iterator().next();
    }

    private static String summary(Map<String, String> fields) {
        return fields.size() == 1
                ? fields.values().iterator().next()
                : "the request has " + fields.size() + " invalid fields: " + String.join(", ", fields.keySet());
    }
}
