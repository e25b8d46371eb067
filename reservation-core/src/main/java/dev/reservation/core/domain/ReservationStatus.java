package dev.reservation.core.domain;

public enum ReservationStatus {
    /** Holds the room; no two confirmed reservations of a room overlap. */
    CONFIRMED,
    /** Kept for the record; never conflicts with anything. */
    CANCELLED
}
