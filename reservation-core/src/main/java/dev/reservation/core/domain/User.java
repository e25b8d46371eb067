package dev.reservation.core.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person who books rooms. The email is unique (compared lower-case) and identifies the user
 * to people; the id identifies it to the system. A deactivated user ({@code active == false})
 * cannot sign in or be booked for; their reservations stay. {@code zone} is where they are, for
 * showing times in their own zone beside a room's; null when they have not said. Immutable.
 */
public record User(String id, String name, String email, Role role, boolean active, java.time.ZoneId zone) {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    public User {
        id = InvalidInputException.requireText("id", id, 64);
        name = InvalidInputException.requireText("name", name, 100);
        email = normalizeEmail(email);
        if (role == null) {
            throw new InvalidInputException("role", "role is required (ADMIN or MEMBER)");
        }
    }

    /** A user who has not said where they are. */
    public User(String id, String name, String email, Role role, boolean active) {
        this(id, name, email, role, active, null);
    }

    /** An active user. */
    public User(String id, String name, String email, Role role) {
        this(id, name, email, role, true);
    }

    public User withActive(boolean isActive) {
        return new User(id, name, email, role, isActive, zone);
    }

    public User withNameAndRole(String newName, Role newRole) {
        return new User(id, newName, email, newRole, active, zone);
    }

    public User withZone(java.time.ZoneId newZone) {
        return new User(id, name, email, role, active, newZone);
    }

    /** Lower-cases and checks the shape {@code local@domain.tld}; the form every store keys on. */
    public static String normalizeEmail(String email) {
        String value = InvalidInputException.requireText("email", email, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(value).matches()) {
            throw new InvalidInputException("email", "'" + email + "' is not an email address");
        }
        return value;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
