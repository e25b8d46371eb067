package dev.reservation.core.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * A bookable room. The name is unique (compared case-insensitively); the time zone is used only at
 * the edges, to show and parse local times. A deactivated room ({@code active == false}) takes no
 * new reservations and is left out of free-room searches; its reservations stay. {@code locationId}
 * names its {@link Location} (site, building, floor), and {@code location} is then that location's
 * label; rooms from before locations were data have only the free-text {@code location} and a null
 * {@code locationId}. Immutable.
 */
public record Room(String id, String name, String location, int capacity, Set<Equipment> equipment, ZoneId zone,
                   boolean active, String locationId) {

    public Room {
        id = InvalidInputException.requireText("id", id, 64);
        name = InvalidInputException.requireText("name", name, 100);
        location = InvalidInputException.requireText("location", location, 200);
        if (capacity <= 0) {
            throw new InvalidInputException("capacity", "capacity must be at least 1, was " + capacity);
        }
        if (capacity > 10_000) {
            throw new InvalidInputException("capacity", "capacity must be at most 10000, was " + capacity);
        }
        equipment = equipment == null || equipment.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(equipment));
        if (zone == null) {
            throw new InvalidInputException("zone", "time zone is required");
        }
        locationId = locationId == null || locationId.isBlank() ? null : locationId.strip();
    }

    /** A room with a free-text location only. */
    public Room(String id, String name, String location, int capacity, Set<Equipment> equipment, ZoneId zone,
                boolean active) {
        this(id, name, location, capacity, equipment, zone, active, null);
    }

    /** An active room at a location. */
    public Room(String id, String name, Location at, int capacity, Set<Equipment> equipment) {
        this(id, name, at.label(), capacity, equipment, at.zone(), true, at.id());
    }

    /** An active room. */
    public Room(String id, String name, String location, int capacity, Set<Equipment> equipment, ZoneId zone) {
        this(id, name, location, capacity, equipment, zone, true);
    }

    public Room withActive(boolean isActive) {
        return new Room(id, name, location, capacity, equipment, zone, isActive, locationId);
    }

    public static ZoneId parseZone(String zone) {
        try {
            return ZoneId.of(InvalidInputException.requireText("zone", zone, 64));
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone", "'" + zone + "' is not a time zone (e.g. Europe/Berlin)");
        }
    }

    public boolean has(Set<Equipment> required) {
        return equipment.containsAll(required);
    }

    /** The key under which room names are unique. */
    public String nameKey() {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
