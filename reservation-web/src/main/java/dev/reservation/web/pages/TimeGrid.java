package dev.reservation.web.pages;

import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.service.RoomSchedule;
import dev.reservation.web.pages.view.GridCell;
import dev.reservation.web.pages.view.GridRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays a room's schedule out as a grid of half-hour rows by days, in the room's zone: 07:00 to
 * 20:00, widened to show every booking of the window. Others' reservations, as a MEMBER sees them,
 * are labelled "Busy". Pure; thread-safe.
 */
public final class TimeGrid {
    private static final int STEP_MINUTES = 30;

    private TimeGrid() {
    }

    public static List<GridRow> of(RoomSchedule schedule, Instant now) {
        Room room = schedule.room();
        ZoneId zone = room.zone();
        int firstRow = 7 * 2;
        int lastRow = 20 * 2;
        for (ReservationView r : schedule.reservations()) {
            firstRow = Math.min(firstRow, rowOf(r.slot().start(), zone, schedule, true));
            lastRow = Math.max(lastRow, rowOf(r.slot().end(), zone, schedule, false));
        }
        List<GridRow> rows = new ArrayList<>();
        for (int row = firstRow; row < lastRow; row++) {
            LocalTime time = LocalTime.MIN.plusMinutes((long) row * STEP_MINUTES);
            List<GridCell> cells = new ArrayList<>();
            for (int d = 0; d < schedule.days(); d++) {
                LocalDate day = schedule.firstDay().plusDays(d);
                cells.add(cell(room, schedule, day, row, row == firstRow, now));
            }
            rows.add(new GridRow(time.toString(), cells));
        }
        return rows;
    }

    private static GridCell cell(Room room, RoomSchedule schedule, LocalDate day, int row, boolean firstShown,
                                 Instant now) {
        Instant start = instantAt(day, row, room.zone());
        Instant end = instantAt(day, row + 1, room.zone());
        if (!end.isAfter(start)) {
            return new GridCell("gap", "", null); // a wall-clock half hour skipped by a DST change
        }
        TimeSlot slot = new TimeSlot(start, end);
        Optional<ReservationView> busy = schedule.reservations().stream().filter(r -> r.slot().overlaps(slot)).findFirst();
        if (busy.isPresent()) {
            ReservationView r = busy.get();
            boolean first = firstShown || !r.slot().start().isBefore(start);
            return new GridCell(first ? "busy start" : "busy", first ? r.displayTitle() : "", null);
        }
        if (!end.isAfter(now)) {
            return new GridCell("past", "", null);
        }
        Instant linkEnd = instantAt(day, Math.min(row + 2, 48), room.zone());
        return new GridCell("free", "", RoomFinder.reserveLink(room, new TimeSlot(start, linkEnd), 1));
    }

    private static Instant instantAt(LocalDate day, int row, ZoneId zone) {
        LocalDate d = row >= 48 ? day.plusDays(1) : day;
        LocalTime t = LocalTime.MIN.plusMinutes((long) (row % 48) * STEP_MINUTES);
        return d.atTime(t).atZone(zone).toInstant();
    }

    /** The row where an instant falls, clamped to the grid's 48 rows a day. */
    private static int rowOf(Instant at, ZoneId zone, RoomSchedule schedule, boolean floor) {
        if (!at.isAfter(schedule.window().start())) {
            return 0;
        }
        if (!at.isBefore(schedule.window().end())) {
            return 48;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        int minutes = t.getHour() * 60 + t.getMinute();
        int row = minutes / STEP_MINUTES;
        return floor || minutes % STEP_MINUTES == 0 ? row : row + 1;
    }
}
