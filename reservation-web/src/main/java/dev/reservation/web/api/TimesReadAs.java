package dev.reservation.web.api;

/**
 * How the API read a booking's {@code start} and {@code end}: {@code kind} is {@code instant} when
 * both carried an offset, {@code local} when at least one was a local date-time, read in
 * {@code zone}, which came from the request's {@code zone} field ({@code zoneFrom: request}) or the
 * room ({@code room}). Immutable, so thread-safe.
 */
public record TimesReadAs(String kind, String zone, String zoneFrom) {
}
