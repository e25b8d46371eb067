package dev.reservation.web.api;

import dev.reservation.core.domain.Room;
import dev.reservation.core.service.ReservationView;

/**
 * A reservation in the API as the caller may see it: in full ({@link ReservationDto}: their own,
 * or any for an ADMIN) or as a busy slot only ({@link BusySlotDto}: no title, no owner). Both are
 * immutable records, so thread-safe.
 */
public sealed interface ReservationJson permits ReservationDto, BusySlotDto {

    /** @param room the reservation's room, or null when it is unknown */
    static ReservationJson of(ReservationView view, Room room) {
        return view.details().<ReservationJson>map(r -> ReservationDto.of(r, room))
                .orElseGet(() -> BusySlotDto.of(view));
    }
}
