package dev.reservation.core.service;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.TimeSlot;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Rooms free for the whole slot, with at least {@code minSeats} seats and all the equipment; only
 * at {@code place} when given (a site, "Berlin", or a site and building, "Berlin/Berlin HQ"); rooms
 * in {@code nearZone} (the searcher's city, as far as a zone tells) first when given.
 */
public record FreeRoomQuery(TimeSlot slot, int minSeats, Set<Equipment> equipment, String place, ZoneId nearZone) {
    public FreeRoomQuery {
        if (slot == null) {
            throw new InvalidInputException("start", "start and end are required");
        }
        if (minSeats < 1) {
            throw new InvalidInputException("seats", "seats must be at least 1");
        }
        equipment = equipment == null || equipment.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(equipment));
        place = place == null || place.isBlank() ? null : place.strip();
    }

    public FreeRoomQuery(TimeSlot slot, int minSeats, Set<Equipment> equipment) {
        this(slot, minSeats, equipment, null, null);
    }

    public FreeRoomQuery(TimeSlot slot) {
        this(slot, 1, Set.of());
    }
}
