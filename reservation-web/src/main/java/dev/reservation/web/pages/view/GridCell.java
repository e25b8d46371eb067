package dev.reservation.web.pages.view;

/**
 * One cell of a room's time grid: free (with a link that books it) or busy (with the booking's
 * title on its first cell). {@code css} is "free", "busy start" or "busy".
 * Immutable, so thread-safe.
 */
public record GridCell(String css, String label, String link) {
}
