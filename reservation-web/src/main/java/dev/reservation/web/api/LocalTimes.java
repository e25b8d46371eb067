package dev.reservation.web.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Renders instants as local wall-clock times of a zone, {@code 2026-03-02T10:00}. Thread-safe. */
public final class LocalTimes {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private LocalTimes() {
    }

    public static String local(Instant instant, ZoneId zone) {
        return instant == null ? null : LOCAL.format(instant.atZone(zone));
    }
}
