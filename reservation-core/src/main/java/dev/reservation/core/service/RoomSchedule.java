package dev.reservation.core.service;

import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import java.time.LocalDate;
import java.util.List;

/**
 * A room's confirmed reservations over whole days in the room's own time zone, as the asking actor
 * may see them: {@code window} runs from the start of {@code firstDay} to the start of the day
 * after the last one, there.
 */
public record RoomSchedule(Room room, LocalDate firstDay, int days, TimeSlot window, List<ReservationView> reservations) {
    public RoomSchedule {
        reservations = List.copyOf(reservations);
    }
}
