package dev.reservation.web.pages;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Human-readable times for pages, always in a stated zone. Thread-safe. */
public final class Format {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ENGLISH);

    private Format() {
    }

    /** "Mon 2 Mar 2026, 10:00–11:00 (Europe/Berlin)"; both days when the slot crosses midnight. */
    public static String slot(TimeSlot slot, ZoneId zone) {
        return TimeText.slot(slot, zone);
    }

    /** The slot in the room's zone and, where it differs, the viewer's: see {@link TimeText#slotForViewer}. */
    public static String slot(TimeSlot slot, ZoneId zone, ZoneId viewer) {
        return TimeText.slotForViewer(slot, zone, viewer);
    }

    /** "Mon 2 Mar 2026 10:00" in the zone. */
    public static String moment(Instant instant, ZoneId zone) {
        return TimeText.dayAndTime(instant, zone);
    }

    /** "1 seat", "4 seats". */
    public static String seats(int n) {
        return n + (n == 1 ? " seat" : " seats");
    }

    /** "2026-03-02 09:00 UTC": to the minute, as every time shown to people (lags and pings say the rest). */
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
