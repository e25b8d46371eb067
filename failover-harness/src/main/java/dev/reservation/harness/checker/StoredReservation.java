package dev.reservation.harness.checker;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.util.Objects;

/**
 * A reservation as the final read found it: only what the checkers look at. Immutable.
 *
 * @param key    the idempotency key the workload sent (null for reservations the workload did not make)
 * @param status CONFIRMED or CANCELLED
 */
public record StoredReservation(String id, String key, String roomId, TimeSlot slot, String status) {
    public StoredReservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(status, "status");
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(status);
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public static StoredReservation of(Reservation r) {
        return new StoredReservation(r.id(), r.idempotencyKey(), r.roomId(), r.slot(), r.status().name());
    }

    /** A reservation document of the raw state; null for a tombstone (no room or slot). */
    public static StoredReservation of(dev.reservation.mongo.audit.StoredState.StoredReservation r) {
        if (r.slot() == null || r.roomId() == null) {
            return null;
        }
        return new StoredReservation(r.id(), r.idempotencyKey(), r.roomId(), r.slot(), r.status());
    }
}
