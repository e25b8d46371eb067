package dev.reservation.core.notify;

import dev.reservation.core.domain.Reservation;

/**
 * What happened to a reservation, as the outbox records it. A reservation at one version has
 * exactly one kind, so (reservation id, version, kind) names one change once and for all.
 * APPROVED and AUTO_RELEASED are reserved for the room-operations work (approval, auto-release):
 * nothing produces them yet.
 */
public enum ChangeKind {
    BOOKED,
    CHANGED,
    CANCELLED,
    APPROVED,
    AUTO_RELEASED;

    /** The kind of the change that produced {@code r} at its current version. */
    public static ChangeKind of(Reservation r) {
        if (!r.isConfirmed()) {
            return CANCELLED;
        }
        return r.version() == 0 ? BOOKED : CHANGED;
    }

    /** True when a calendar should drop the event (an invitation says METHOD:CANCEL). */
    public boolean removesEvent() {
        return this == CANCELLED || this == AUTO_RELEASED;
    }
}
