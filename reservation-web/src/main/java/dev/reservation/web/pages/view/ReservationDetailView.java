package dev.reservation.web.pages.view;

/**
 * One reservation's page: the row as the viewer may see it and, when they may see it in full, its
 * audit trail (who created it and when; who cancelled it and when, or null). Times are in the
 * room's zone. Immutable, so thread-safe.
 */
public record ReservationDetailView(ReservationRow row, String createdBy, String createdAt, String cancelledBy,
                                    String cancelledAt) {
}
