package dev.reservation.core.store;

import dev.reservation.core.domain.Reservation;
import java.util.List;

/** What {@link ReservationStore#book} did, decided atomically inside the store. */
public sealed interface BookingOutcome {

    /** The candidate was stored; it now holds its slot. */
    record Booked(Reservation reservation) implements BookingOutcome {
    }

    /** A reservation with the candidate's idempotency key already existed; nothing new was stored. */
    record Replayed(Reservation existing) implements BookingOutcome {
    }

    /** Confirmed reservations of the room overlap the candidate's slot; nothing was stored. */
    record Conflict(List<Reservation> conflicts) implements BookingOutcome {
        public Conflict {
            conflicts = List.copyOf(conflicts);
            if (conflicts.isEmpty()) {
                throw new IllegalArgumentException("a conflict names at least one reservation");
            }
        }
    }
}
