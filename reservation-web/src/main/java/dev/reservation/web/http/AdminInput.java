package dev.reservation.web.http;

import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.NewRoom;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import dev.reservation.core.service.NewLocation;

/**
 * Reads what admins enter for users and rooms (from JSON bodies and from forms alike), collecting
 * one message per bad field in a {@link Params}. Stateless; thread-safe.
 */
public final class AdminInput {
    private AdminInput() {
    }

    public static Optional<Role> role(Params p, String raw, boolean required) {
        return p.text("role", raw, 16, required).flatMap(value -> {
            try {
                return Optional.of(Role.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                p.reject("role", "role must be ADMIN or MEMBER");
                return Optional.empty();
            }
        });
    }

    /**
     * A password that meets the core's policy, as a fresh array the caller wipes; empty when none
     * was given (and an error if required). The value is never quoted back.
     */
    public static Optional<char[]> password(Params p, String field, String raw, boolean required) {
        if (raw == null || raw.isEmpty()) {
            if (required) {
                p.reject(field, "a password is required");
            }
            return Optional.empty();
        }
        if (raw.length() < PasswordHasher.MIN_LENGTH || raw.length() > PasswordHasher.MAX_LENGTH) {
            p.reject(field, "a password needs " + PasswordHasher.MIN_LENGTH + " to " + PasswordHasher.MAX_LENGTH
                    + " characters");
            return Optional.empty();
        }
        return Optional.of(raw.toCharArray());
    }

    /** A complete room description; every bad field lands in {@code p}, which is then thrown. */
    public static NewRoom room(Params p, String name, String location, Integer capacity, List<String> equipment,
                               String zone) {
        return room(p, name, location, capacity, equipment, zone, null);
    }

    /**
     * A room's description; with a {@code locationId} the free-text location and the zone may be
     * left out (the location's label and its site's zone are used).
     */
    public static NewRoom room(Params p, String name, String location, Integer capacity, List<String> equipment,
                               String zone, String locationId) {
        Optional<String> at = p.text("locationId", locationId, 64, false);
        Optional<String> n = p.text("name", name, 100, true);
        Optional<String> l = p.text("location", location, 200, at.isEmpty());
        if (capacity == null) {
            p.reject("capacity", "capacity is required");
        } else if (capacity < 1 || capacity > 10_000) {
            p.reject("capacity", "capacity must be between 1 and 10000");
        }
        Set<Equipment> e = p.equipment("equipment", equipment == null ? List.of() : equipment);
        Optional<ZoneId> z = p.text("zone", zone, 64, at.isEmpty()).flatMap(text -> {
            try {
                return Optional.of(Room.parseZone(text));
            } catch (InvalidInputException bad) {
                p.reject("zone", bad.getMessage());
                return Optional.empty();
            }
        });
        p.throwIfAny();
        return new NewRoom(n.orElseThrow(), l.orElse(null), capacity, e, z.orElse(null), at.orElse(null));
    }

    /** A location's description; a blank zone takes the site's (when the site has locations already). */
    public static NewLocation location(Params p, String site, String building,
                                                                    String floor, String zone) {
        Optional<String> s = p.text("site", site, 100, true);
        Optional<String> b = p.text("building", building, 100, true);
        Optional<String> f = p.text("floor", floor, 100, false);
        Optional<ZoneId> z = p.text("zone", zone, 64, false).flatMap(text -> {
            try {
                return Optional.of(Room.parseZone(text));
            } catch (InvalidInputException bad) {
                p.reject("zone", bad.getMessage());
                return Optional.empty();
            }
        });
        p.throwIfAny();
        return new NewLocation(s.orElseThrow(), b.orElseThrow(), f.orElse(null),
                z.orElse(null));
    }
}
