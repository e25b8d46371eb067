package dev.reservation.core.service;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.TimeSlot;
import java.util.Optional;

/**
 * A reservation as one actor may see it: in full ({@code details} present: their own, or any for
 * an ADMIN) or only as a busy slot of a room (no title, no owner). Immutable.
 */
public record ReservationView(String id, String roomId, TimeSlot slot, ReservationStatus status,
                              Optional<Reservation> details) {

    public static ReservationView of(Reservation r, Actor actor) {
        boolean full = Permissions.allowed(actor, Permissions.Operation.SEE_DETAILS, r.userId());
        return new ReservationView(r.id(), r.roomId(), r.slot(), r.status(), full ? Optional.of(r) : Optional.empty());
    }

    /** A conflict named by a refused booking, as the same kind of view. */
    public static ReservationView of(dev.reservation.core.domain.ReservationConflictException.Conflict conflict) {
        return new ReservationView(conflict.id(), conflict.roomId(), conflict.slot(), conflict.status(),
                conflict.details());
    }

    public boolean busySlotOnly() {
        return details.isEmpty();
    }

    /** The title, or "Busy" when the actor may not see it. */
    public String displayTitle() {
        return details.map(Reservation::title).orElse("Busy");
    }
}
