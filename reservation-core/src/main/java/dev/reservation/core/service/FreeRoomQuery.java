package dev.reservation.core.service;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.TimeSlot;
import java.util.EnumSet;
import java.util.Set;

/** Rooms free for the whole slot, with at least {@code minSeats} seats and all the equipment. */
public record FreeRoomQuery(TimeSlot slot, int minSeats, Set<Equipment> equipment) {
    public FreeRoomQuery {
        if (slot == null) {
            throw new InvalidInputException("start", "start and end are required");
        }
        if (minSeats < 1) {
            throw new InvalidInputException("seats", "seats must be at least 1");
        }
        equipment = equipment == null || equipment.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(equipment));
    }

    public FreeRoomQuery(TimeSlot slot) {
        this(slot, 1, Set.of());
    }
}
