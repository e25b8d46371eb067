package dev.reservation.cli.output;

import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Formats instants, slots and durations for people, in a room's own time zone. Thread-safe. */
public final class Times {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Times() {
    }

    /** {@code 2030-01-07 10:00} in {@code zone}. */
    public static String local(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** {@code 2030-01-07 10:00-11:00 Europe/Berlin}, or both dates when the slot spans days. */
    public static String slot(TimeSlot slot, ZoneId zone) {
        ZonedDateTime start = slot.start().atZone(zone);
        ZonedDateTime end = slot.end().atZone(zone);
        boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
        return DATE_TIME.format(start) + (sameDay ? "-" + TIME.format(end) : " - " + DATE_TIME.format(end))
                + " " + zone;
    }

    /** {@code 350 ms}, {@code 2.4 s}, {@code 3 min}. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return duration.toMinutes() + " min";
    }
}
