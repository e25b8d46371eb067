package dev.reservation.harness.workload;

import dev.reservation.core.domain.TimeSlot;

/** One operation a client is about to perform, as the generator chose it. Immutable. */
public sealed interface Plan {

    /** Book {@code slot} in {@code roomId} for {@code userId} under a fresh idempotency key. */
    record Reserve(String key, String roomId, String userId, TimeSlot slot) implements Plan {
    }

    /** Read a room's reservations inside the workload's window. */
    record Read(String roomId, TimeSlot window) implements Plan {
    }

    /** Cancel reservation {@code reservationId}, which this client booked (key {@code key}), as its owner. */
    record Cancel(String reservationId, String key, String roomId, String userId, TimeSlot slot) implements Plan {
    }
}
