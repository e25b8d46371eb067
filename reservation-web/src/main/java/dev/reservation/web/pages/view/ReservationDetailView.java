package dev.reservation.web.pages.view;

/**
 * One reservation's page: the row as the viewer may see it and, when they may see it in full, its
 * audit trail (who created it and when; who cancelled it and when, or null). Times are in the
 * room's zone; {@code seriesId} names the series it is an occurrence of (null if none). Immutable, so thread-safe.
 */
public record ReservationDetailView(ReservationRow row, String createdBy, String createdAt, String cancelledBy,
                                    String cancelledAt, String seriesId) {
    /** Without a series: a single booking, or one seen only as a busy slot. */
    public ReservationDetailView(ReservationRow row, String createdBy, String createdAt, String cancelledBy,
                                 String cancelledAt) {
        this(row, createdBy, createdAt, cancelledBy, cancelledAt, null);
    }
}
