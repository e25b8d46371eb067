package dev.reservation.core.series;

/** What booking a series does when some of its occurrences cannot be booked. */
public enum SeriesMode {
    /** Nothing is booked if any occurrence clashes or is refused (within the window booked at once). */
    ALL_OR_NOTHING,
    /** Clashing or refused occurrences are reported and skipped; the rest are booked. */
    SKIP_CONFLICTS
}
