package dev.reservation.core.domain;

/**
 * A reservation's status. PENDING, CONFIRMED and HELD hold the room: no two reservations holding one room
 * overlap, whichever they are (the stores check both alike, atomically). The others are
 * final: kept for the record, never conflicting with anything, never returning to a holding status.
 */
public enum ReservationStatus {
    /** Holds the room; no two holding reservations of a room overlap. */
    CONFIRMED,
    /** Cancelled by its owner or an admin; final. */
    CANCELLED,
    /** Requested in a room that needs approval: holds its slot (others see it as tentative) until decided. */
    PENDING,
    /** A pending request an approver declined; final, its slot released. */
    DECLINED,
    /** A pending request nobody decided before it started; final, its slot released. */
    EXPIRED,
    /** Not checked in by the end of its room's check-in window, released by the app; final. */
    AUTO_RELEASED,
    /**
     * An occurrence of an all-or-nothing series whose booking has not finished: holds its slot like
     * CONFIRMED (the no-overlap rule covers it), but is no booking yet. It becomes CONFIRMED or PENDING
     * once every occurrence of the series is held, or is cancelled when the series is rolled back. Never
     * shown, announced or counted as confirmed.
     */
    HELD;

    /** True for the statuses that hold the room (PENDING, CONFIRMED, HELD): the no-overlap rule covers them. */
    public boolean holdsRoom() {
        return this == CONFIRMED || this == PENDING || this == HELD;
    }

    /** True for the final statuses: the slot is released for good. */
    public boolean isFinal() {
        return !holdsRoom();
    }
}
