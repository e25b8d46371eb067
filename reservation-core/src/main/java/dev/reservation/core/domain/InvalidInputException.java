package dev.reservation.core.domain;

import java.util.Map;

/**
 * Input that can never be accepted as given: a malformed email, a capacity of zero, a blank title.
 * Carries the offending field so a form can show the message next to it.
 */
public class InvalidInputException extends ReservationException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Field name to message, for frontends that render field errors. */
    public Map<String, String> fieldErrors() {
        return Map.of(field, getMessage());
    }

    static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
