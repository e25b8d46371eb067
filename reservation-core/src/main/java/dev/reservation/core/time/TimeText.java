package dev.reservation.core.time;

import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * Times for people, in messages and pages: always in a named zone and to the minute (seconds and
 * below are dropped, never shown), e.g. "Sun 30 May 2027, 10:00 Europe/Berlin". Stateless; thread-safe.
 */
public final class TimeText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private TimeText() {
    }

    /** "Sun 30 May 2027, 10:00 Europe/Berlin". */
    public static String moment(Instant instant, ZoneId zone) {
        ZonedDateTime at = local(instant, zone);
        return DAY.format(at) + ", " + TIME.format(at) + " " + zone.getId();
    }

    /** "Sun 30 May 2027 10:00": the zone is said elsewhere. */
    public static String dayAndTime(Instant instant, ZoneId zone) {
        ZonedDateTime at = local(instant, zone);
        return DAY.format(at) + " " + TIME.format(at);
    }

    /** "10:00". */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(local(instant, zone));
    }

    /** "Mon 2 Mar 2026, 10:00–11:00 (Europe/Berlin)"; both days when the slot crosses midnight there. */
    public static String slot(TimeSlot slot, ZoneId zone) {
        return slotWithoutZone(slot, zone) + " (" + zone.getId() + ")";
    }

    /** "Mon 2 Mar 2026, 10:00–11:00", or "Mon 2 Mar 2026, 23:00–Tue 3 Mar 2026 01:00". */
    public static String slotWithoutZone(TimeSlot slot, ZoneId zone) {
        ZonedDateTime start = local(slot.start(), zone);
        ZonedDateTime end = local(slot.end(), zone);
        String endText = start.toLocalDate().equals(end.toLocalDate())
                ? TIME.format(end)
                : DAY.format(end) + " " + TIME.format(end);
        return DAY.format(start) + ", " + TIME.format(start) + "–" + endText;
    }

    /**
     * The slot in the room's zone and, when the viewer's zone differs and shows other wall-clock
     * times, also in theirs: "Mon 2 Mar 2026, 10:00–11:00 (Europe/Berlin; 09:00–10:00 your time,
     * Europe/London)".
     */
    public static String slotForViewer(TimeSlot slot, ZoneId roomZone, ZoneId viewerZone) {
        String theirs = viewerPart(slot, roomZone, viewerZone);
        return theirs == null ? slot(slot, roomZone)
                : slotWithoutZone(slot, roomZone) + " (" + roomZone.getId() + "; " + theirs + ")";
    }

    /**
     * "09:00–10:00 your time, Europe/London" (with days when they differ from the room's), or
     * {@code null} when the viewer has no zone or sees the same wall-clock times as the room.
     */
    public static String viewerPart(TimeSlot slot, ZoneId roomZone, ZoneId viewerZone) {
        if (viewerZone == null || sameWallClock(slot.start(), roomZone, viewerZone)
                && sameWallClock(slot.end(), roomZone, viewerZone)) {
            return null;
        }
        ZonedDateTime roomStart = local(slot.start(), roomZone);
        ZonedDateTime start = local(slot.start(), viewerZone);
        ZonedDateTime end = local(slot.end(), viewerZone);
        String startText = start.toLocalDate().equals(roomStart.toLocalDate())
                ? TIME.format(start) : DAY.format(start) + " " + TIME.format(start);
        String endText = end.toLocalDate().equals(start.toLocalDate())
                ? TIME.format(end) : DAY.format(end) + " " + TIME.format(end);
        return startText + "–" + endText + " your time, " + viewerZone.getId();
    }

    /** "10:00 Europe/Berlin (09:00 your time, Europe/London)", or just the room's when they agree. */
    public static String momentForViewer(Instant instant, ZoneId roomZone, ZoneId viewerZone) {
        String room = moment(instant, roomZone);
        if (viewerZone == null || sameWallClock(instant, roomZone, viewerZone)) {
            return room;
        }
        ZonedDateTime theirs = local(instant, viewerZone);
        String day = theirs.toLocalDate().equals(local(instant, roomZone).toLocalDate()) ? "" : DAY.format(theirs) + " ";
        return room + " (" + day + TIME.format(theirs) + " your time, " + viewerZone.getId() + ")";
    }

    private static boolean sameWallClock(Instant instant, ZoneId a, ZoneId b) {
        return local(instant, a).toLocalDateTime().equals(local(instant, b).toLocalDateTime());
    }

    private static ZonedDateTime local(Instant instant, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return instant.truncatedTo(ChronoUnit.MINUTES).atZone(zone);
    }
}
