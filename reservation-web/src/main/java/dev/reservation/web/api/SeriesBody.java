package dev.reservation.web.api;

import java.util.List;

/**
 * The body of {@code POST /api/v1/series} and {@code POST /api/v1/series/preview}: {@code firstDay}
 * ({@code 2027-03-01}) and {@code startTime} ({@code 09:00}) are local, in the room's zone; the length
 * is {@code durationMinutes}, or {@code endTime} on the same day; {@code repeat} is an RRULE such as
 * {@code FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10}; {@code exdates} are days to leave out; {@code mode} is
 * {@code ALL_OR_NOTHING} (the default) or {@code SKIP_CONFLICTS}. Unknown fields are refused by the
 * mapper. Immutable, so thread-safe.
 */
public record SeriesBody(String roomId, String userId, String title, Integer attendees, String firstDay,
                         String startTime, String endTime, Integer durationMinutes, String repeat,
                         List<String> exdates, String mode) {
}
