package dev.reservation.harness.checker;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.util.Objects;

/**
 * A reservation as the final read found it: only what the checkers look at. Immutable.
 *
 * @param key the idempotency key the workload sent (null for reservations the workload did not make)
 */
public record StoredReservation(String id, String key, String roomId, TimeSlot slot, boolean confirmed) {
    public StoredReservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(slot, "slot");
    }

    public static StoredReservation of(Reservation r) {
        return new StoredReservation(r.id(), r.idempotencyKey(), r.roomId(), r.slot(), r.isConfirmed());
    }
}
