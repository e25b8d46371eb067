package dev.reservation.web.pages;

import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Human-readable times for pages, always in a stated zone. Thread-safe. */
public final class Format {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ENGLISH);

    private Format() {
    }

    /** "Mon 2 Mar 2026, 10:00–11:00 (Europe/Berlin)"; both days when the slot crosses midnight. */
    public static String slot(TimeSlot slot, ZoneId zone) {
        ZonedDateTime start = slot.start().atZone(zone);
        ZonedDateTime end = slot.end().atZone(zone);
        String endText = start.toLocalDate().equals(end.toLocalDate())
                ? TIME.format(end)
                : DAY.format(end) + " " + TIME.format(end);
        return DAY.format(start) + ", " + TIME.format(start) + "–" + endText + " (" + zone.getId() + ")";
    }

    /** "Mon 2 Mar 2026 10:00" in the zone. */
    public static String moment(Instant instant, ZoneId zone) {
        ZonedDateTime at = instant.atZone(zone);
        return DAY.format(at) + " " + TIME.format(at);
    }

    /** "2026-03-02 09:00:00 UTC". */
    public static String utc(Instant instant) {
        return STAMP.format(instant.atZone(ZoneId.of("UTC"))) + " UTC";
    }

    /** "3 s ago", "2 min ago", "in the future" for clocks that disagree. */
    public static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "just now";
        }
        if (d.toSeconds() < 120) {
            return d.toSeconds() + " s ago";
        }
        return d.toMinutes() < 120 ? d.toMinutes() + " min ago" : d.toHours() + " h ago";
    }

    /** "120 ms", "3.4 s". */
    public static String millis(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
