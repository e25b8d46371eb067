package dev.reservation.web.pages.view;

import dev.reservation.web.api.ReservationDto;

/** A reservation in a table: {@code when} is the local date and times in the room's zone. Immutable, so thread-safe. */
public record ReservationRow(ReservationDto r, String roomName, String userName, String when, boolean confirmed) {
}
