package dev.reservation.core.notify;

import dev.reservation.core.domain.InvalidInputException;

/** Checks of the text fields of this package's records. */
final class Texts {
    private Texts() {
    }

    static String require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        return value;
    }
}
