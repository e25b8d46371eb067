package dev.reservation.core.service;

import dev.reservation.core.domain.Equipment;
import java.time.ZoneId;
import java.util.Set;

/**
 * What it takes to create a room; the id is assigned by {@link RoomService}. With a
 * {@code locationId} the room is at that location: {@code location} may then be null (the
 * location's label is used) and so may {@code zone} (the location's site zone is used).
 */
public record NewRoom(String name, String location, int capacity, Set<Equipment> equipment, ZoneId zone,
                      String locationId) {
    public NewRoom(String name, String location, int capacity, Set<Equipment> equipment, ZoneId zone) {
        this(name, location, capacity, equipment, zone, null);
    }
}
