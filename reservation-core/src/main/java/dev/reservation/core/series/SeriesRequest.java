package dev.reservation.core.series;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Reservation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A request to book a series: {@code roomId} for {@code userId}, occurrences placed by {@code rule}
 * from {@code firstDay} at {@code startTime} (local, in the room's zone) for {@code durationMinutes},
 * without the days in {@code exdates}. Validated on construction (the rule is parsed here); the
 * booking policy and the conflict rule are checked per occurrence by {@link SeriesService}.
 */
public record SeriesRequest(String roomId, String userId, String title, int attendees, LocalDate firstDay,
                            LocalTime startTime, int durationMinutes, String rule, SortedSet<LocalDate> exdates,
                            SeriesMode mode, Optional<String> idempotencyKey) {
    public SeriesRequest {
        if (roomId == null || roomId.isBlank()) {
            throw new InvalidInputException("roomId", "roomId is required");
        }
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("userId", "userId is required");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "title is required");
        }
        if (title.strip().length() > Reservation.MAX_TITLE) {
            throw new InvalidInputException("title", "title must be at most " + Reservation.MAX_TITLE + " characters");
        }
        if (attendees < 1) {
            throw new InvalidInputException("attendees", "attendees must be at least 1");
        }
        if (firstDay == null) {
            throw new InvalidInputException("firstDay", "the first day is required");
        }
        if (startTime == null) {
            throw new InvalidInputException("startTime", "the start time is required");
        }
        if (startTime.getSecond() != 0 || startTime.getNano() != 0) {
            throw new InvalidInputException("startTime", "the start time is given in whole minutes");
        }
        if (durationMinutes < 1 || durationMinutes > 24 * 60) {
            throw new InvalidInputException("durationMinutes", "an occurrence lasts 1 minute to 24 hours");
        }
        rule = Recurrence.parse("repeat", rule).text();
        exdates = new TreeSet<>(exdates == null ? Set.of() : exdates);
        if (exdates.size() > Recurrence.MAX_OCCURRENCES) {
            throw new InvalidInputException("exdates", "at most " + Recurrence.MAX_OCCURRENCES + " left-out days");
        }
        mode = mode == null ? SeriesMode.ALL_OR_NOTHING : mode;
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey.filter(k -> !k.isBlank());
        if (idempotencyKey.isPresent() && idempotencyKey.get().length() > 128) {
            throw new InvalidInputException("idempotencyKey", "idempotency key must be at most 128 characters");
        }
    }

    public SeriesRequest withIdempotencyKey(String key) {
        return new SeriesRequest(roomId, userId, title, attendees, firstDay, startTime, durationMinutes, rule, exdates,
                mode, Optional.ofNullable(key));
    }
}
