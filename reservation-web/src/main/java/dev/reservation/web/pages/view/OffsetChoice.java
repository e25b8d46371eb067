package dev.reservation.web.pages.view;

/**
 * One reading of a local time that happens twice: the offset to send ({@code +01:00}) and what a
 * person reads ("02:30+01:00 (CET), the second time"). Immutable, so thread-safe.
 */
public record OffsetChoice(String offset, String label, boolean selected) {
}
