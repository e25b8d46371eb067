package dev.reservation.core.service;

import dev.reservation.core.domain.Room;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a room is free at {@code at}, and if not, when it next becomes free (absent when it is
 * booked solid up to the booking horizon).
 */
public record RoomAvailability(Room room, Instant at, boolean freeNow, Optional<Instant> nextFreeAt) {
}
