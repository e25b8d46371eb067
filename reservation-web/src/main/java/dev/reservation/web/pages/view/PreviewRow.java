package dev.reservation.web.pages.view;

/**
 * One day in the preview of a series on the reserve form: when (in the room's zone, to the minute),
 * whether it can be booked ({@code state}: free, clash, not a time, refused, later) and why not.
 */
public record PreviewRow(String day, String when, String state, String note, boolean problem) {
}
