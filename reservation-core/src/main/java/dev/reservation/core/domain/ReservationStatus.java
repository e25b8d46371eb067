package dev.reservation.core.domain;

/**
 * A reservation's status. PENDING and CONFIRMED hold the room: no two reservations holding one room
 * overlap, whichever of the two they are (the stores check both alike, atomically). The others are
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
    AUTO_RELEASED;

    /** True for the statuses that hold the room (PENDING, CONFIRMED): the no-overlap rule covers them. */
    public boolean holdsRoom() {
        return this == CONFIRMED || this == PENDING;
    }

    /** True for the final statuses: the slot is released for good. */
    public boolean isFinal() {
        return !holdsRoom();
    }
}
