package dev.reservation.core.auth;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Role;
import java.util.Locale;

/**
 * What an API token may do, each scope including the ones before it: {@code read} (every GET),
 * {@code book} (also book, cancel and check in), {@code admin} (everything the user's role allows;
 * only an ADMIN's token may have it). A token never does more than its user's role.
 */
public enum TokenScope {
    READ, BOOK, ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenScope parse(String text) {
        for (TokenScope s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new InvalidInputException("scope", "scope must be read, book or admin, not '" + text + "'");
    }

    /** Whether a user of {@code role} may hold a token with this scope. */
    public boolean allowedFor(Role role) {
        return this != ADMIN || role == Role.ADMIN;
    }
}
