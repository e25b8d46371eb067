package dev.reservation.core.series;

/**
 * Where a series is in its life. An all-or-nothing series goes BOOKING → COMMITTING → ACTIVE, or
 * BOOKING → ROLLING_BACK → ROLLED_BACK; the one decision is the compare-and-set that leaves BOOKING
 * (see {@link SeriesService}). A skip-conflicts series is ACTIVE from the start. Any live series may
 * become CANCELLED.
 */
public enum SeriesState {
    /** All-or-nothing, occurrences being booked HELD; nothing of it is a booking yet. */
    BOOKING,
    /** All-or-nothing, every occurrence held: decided; its HELD occurrences are being confirmed. */
    COMMITTING,
    /** All-or-nothing, refused or abandoned: decided; its HELD occurrences are being cancelled. */
    ROLLING_BACK,
    /** Booked; an open-ended one is extended as the booking horizon moves. */
    ACTIVE,
    /** Final: nothing of it was booked. */
    ROLLED_BACK,
    /** Final: cancelled as a whole. */
    CANCELLED;

    /** True for the states whose work a sweeper may have to finish. */
    public boolean unfinished() {
        return this == BOOKING || this == COMMITTING || this == ROLLING_BACK;
    }

    public boolean isFinal() {
        return this == ROLLED_BACK || this == CANCELLED;
    }
}
