package dev.reservation.web.api;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.ReservationView;
import java.util.Optional;

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

    /** A reservation as {@code viewer} may see it; nobody (null) sees only a busy slot. */
    static ReservationJson of(Reservation r, Actor viewer, Room room) {
        return of(view(r, viewer), room);
    }

    static ReservationView view(Reservation r, Actor viewer) {
        return viewer == null
                ? new ReservationView(r.id(), r.roomId(), r.slot(), r.status(), Optional.empty())
                : ReservationView.of(r, viewer);
    }
}
