package dev.reservation.core.notify;

import dev.reservation.core.domain.Reservation;

/**
 * What happened to a reservation, as the outbox records it. A reservation at one version has
 * exactly one kind, so (reservation id, version, kind) names one change once and for all.
 * REQUESTED is a booking in a room that needs approval (PENDING); CANCELLED covers every other
 * end (cancelled, declined, expired); AUTO_RELEASED a booking nobody checked in to. APPROVED is
 * what room operations record for an approval; {@link #of} cannot tell one from the reservation
 * alone and says CHANGED (the sweeper's guess, which never overrides what was recorded: the outbox
 * keys a change by its version, not its kind).
 */
public enum ChangeKind {
    BOOKED,
    CHANGED,
    CANCELLED,
    APPROVED,
    AUTO_RELEASED,
    REQUESTED;

    /** The kind of the change that produced {@code r} at its current version. */
    public static ChangeKind of(Reservation r) {
        return switch (r.status()) {
            case CONFIRMED -> r.version() == 0 ? BOOKED : CHANGED;
            case PENDING -> r.version() == 0 ? REQUESTED : CHANGED;
            case AUTO_RELEASED -> AUTO_RELEASED;
            case HELD -> CHANGED; // never told: a held occurrence is no booking yet
            case CANCELLED, DECLINED, EXPIRED -> CANCELLED;
        };
    }

    /** True when a calendar should drop the event (an invitation says METHOD:CANCEL). */
    public boolean removesEvent() {
        return this == CANCELLED || this == AUTO_RELEASED;
    }
}
