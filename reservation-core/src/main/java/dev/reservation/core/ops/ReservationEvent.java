package dev.reservation.core.ops;

import dev.reservation.core.domain.Reservation;
import java.time.Instant;

/**
 * A change of a reservation's status made by room operations (requested, approved, declined,
 * expired, checked in, auto-released), published after the store acknowledged it. The hook for
 * notifications: an outbox may key on {@code (reservation.id(), reservation.version())}, unique per
 * change, and a change whose publication was lost (a crash right after the write) is still visible as
 * the reservation's status and version in the store. Immutable.
 */
public record ReservationEvent(Kind kind, Reservation reservation, String byUserId, Instant at) {
    public enum Kind { REQUESTED, APPROVED, DECLINED, EXPIRED, CHECKED_IN, AUTO_RELEASED }
}
