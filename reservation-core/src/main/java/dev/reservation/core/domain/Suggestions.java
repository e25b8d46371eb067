package dev.reservation.core.domain;

import java.util.List;
import java.util.Optional;

/**
 * What to offer after a conflict: the same room's next free slot of the asked length (if one
 * exists within the horizon), and other rooms that fit and are free for the asked slot.
 */
public record Suggestions(Optional<TimeSlot> nextFreeSlotInRoom, List<Room> otherFreeRooms) {
    public Suggestions {
        nextFreeSlotInRoom = nextFreeSlotInRoom == null ? Optional.empty() : nextFreeSlotInRoom;
        otherFreeRooms = List.copyOf(otherFreeRooms);
    }

    public static Suggestions none() {
        return new Suggestions(Optional.empty(), List.of());
    }
}
