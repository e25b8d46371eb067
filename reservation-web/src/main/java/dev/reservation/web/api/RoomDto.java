package dev.reservation.web.api;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Room;
import java.util.List;

/**
 * A room as the API shows it; equipment as lower-case labels, the zone as an IANA id; a
 * deactivated room ({@code active: false}) takes no new reservations; {@code locationId} names its
 * location (null for a room with only a free-text location). Immutable, so thread-safe.
 */
public record RoomDto(String id, String name, String location, int capacity, List<String> equipment, String zone,
                      boolean active, String locationId) {
    public static RoomDto of(Room room) {
        return new RoomDto(room.id(), room.name(), room.location(), room.capacity(),
                room.equipment().stream().sorted().map(Equipment::label).toList(), room.zone().getId(), room.active(),
                room.locationId());
    }
}
