package dev.reservation.web.pages.view;

/** A one-click alternative after a conflict: a label and the complete form that books it. Immutable, so thread-safe. */
public record Suggestion(String label, ReserveForm form) {
}
