package dev.reservation.web.pages.view;

import dev.reservation.web.api.RoomDto;
import dev.reservation.web.api.UserDto;
import java.util.List;
import java.util.Map;

/**
 * The /reservations page: filters as entered, the matching reservations, a notice after a booking
 * or a cancel, and whether the list was cut at {@code limit}.
 * Immutable, so thread-safe.
 */
public record ReservationsView(String roomId, String userId, String from, String to, String status,
                               List<RoomDto> rooms, List<UserDto> users, Map<String, String> errors,
                               List<ReservationRow> rows, boolean truncated, int limit, String notice) {
    public ReservationsView {
        errors = Map.copyOf(errors);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
