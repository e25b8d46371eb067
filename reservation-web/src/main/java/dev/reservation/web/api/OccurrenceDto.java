package dev.reservation.web.api;

import dev.reservation.core.series.Occurrence;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One day of a series: its slot (instants and the room zone's local times, to the minute; absent when
 * the local time does not exist that day or exists twice), what it is ({@code kind}: FREE, CLASH,
 * NOT_A_TIME, REFUSED, LATER, BOOKED, SKIPPED, EXCLUDED), the reservation standing for it and its
 * status, why it was not booked ({@code note}), and what it clashes with.
 */
public record OccurrenceDto(String day, Instant start, Instant end, String startLocal, String endLocal, String kind,
                            String reservationId, String status, String note, List<String> clashesWith) {
    public static OccurrenceDto of(Occurrence o, ZoneId zone) {
        return new OccurrenceDto(o.day().toString(), o.slot().map(s -> s.start()).orElse(null),
                o.slot().map(s -> s.end()).orElse(null),
                o.slot().map(s -> LocalTimes.local(s.start(), zone)).orElse(null),
                o.slot().map(s -> LocalTimes.local(s.end(), zone)).orElse(null), o.kind().name(),
                o.reservationId().orElse(null), o.status().map(Enum::name).orElse(null), o.note().orElse(null),
                o.clashesWith());
    }
}
