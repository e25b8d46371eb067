package dev.reservation.core.auth;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Role;
import java.util.Locale;

/**
 * What an API token may do, each of the personal scopes including the ones before it: {@code read}
 * (every GET), {@code book} (also book, cancel and check in), {@code admin} (everything the user's
 * role allows; only an ADMIN's token may have it). A token never does more than its user's role.
 * {@code display} stands apart: a room's door-display token (its room is on the token), which opens
 * only that room's door display and never the JSON API; an ADMIN issues it for the room, nobody
 * picks it for a personal token.
 */
public enum TokenScope {
    READ, BOOK, ADMIN, DISPLAY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A personal token's scope as typed: read, book or admin (never display, which is issued per room). */
    public static TokenScope parse(String text) {
        for (TokenScope s : values()) {
            if (s != DISPLAY && s.label().equals(text)) {
                return s;
            }
        }
        throw new InvalidInputException("scope", "scope must be read, book or admin, not '" + text + "'");
    }

    /** Whether a user of {@code role} may hold a personal token with this scope (display: nobody). */
    public boolean allowedFor(Role role) {
        return this != DISPLAY && (this != ADMIN || role == Role.ADMIN);
    }
}
