package dev.reservation.core.ops;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UsageData;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Usage reports for a period, from the store's aggregates ({@link ReservationStore#usage}), never
 * from every reservation: per room and per location, hours booked (CONFIRMED, inside the period),
 * occupancy (booked hours inside opening times / opening hours of the period, in each room's time
 * zone), no-show rate (auto-released / (confirmed + auto-released)), cancellations, declined,
 * expired and pending requests, and a weekday × hour heat map of booked hours (each room's local
 * time). ADMINs only. Thread-safe.
 */
public final class UsageReports {
    private static final long HOUR = 3_600_000L;

    /** When rooms are open: these weekdays, from {@code opens} to {@code closes} local time. */
    public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
        public static final OpeningHours WORKDAYS = new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(18, 0));

        boolean open(ZonedDateTime at) {
            LocalTime t = at.toLocalTime();
            return days.contains(at.getDayOfWeek()) && !t.isBefore(opens) && t.isBefore(closes);
        }
    }

    /** One row of the report: a room, a location, or everything. */
    public record Line(String key, String name, String location, double bookedHours, double openHours,
                       double bookedOpenHours, long confirmed, long autoReleased, long cancelled, long declined,
                       long expired, long pending) {
        /** Booked hours inside opening times / opening hours; 0 when the period has no opening hours. */
        public double occupancy() {
            return openHours == 0 ? 0 : bookedOpenHours / openHours;
        }

        /** Auto-released / (confirmed + auto-released); 0 when none of either. */
        public double noShowRate() {
            long booked = confirmed + autoReleased;
            return booked == 0 ? 0 : (double) autoReleased / booked;
        }
    }

    /** The report: rooms, locations, the total, and heat[weekday 0 = Monday][hour] in booked hours. */
    public record Report(Instant from, Instant to, List<Line> rooms, List<Line> locations, Line total, double[][] heat) {
    }

    private final ReservationStore reservations;
    private final RoomStore rooms;
    private final OpeningHours opening;

    public UsageReports(ReservationStore reservations, RoomStore rooms, OpeningHours opening) {
        this.reservations = reservations;
        this.rooms = rooms;
        this.opening = opening;
    }

    public Report report(Actor actor, Instant from, Instant to) {
        Permissions.require(actor, Permissions.Operation.SEE_REPORTS, null);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("to", "'to' must be after 'from'");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
            throw new InvalidInputException("to", "a report covers at most 400 days");
        }
        UsageData data = reservations.usage(from, to);
        Map<String, Room> byId = new LinkedHashMap<>();
        rooms.findAll().forEach(r -> byId.put(r.id(), r));
        Map<String, long[]> counts = new LinkedHashMap<>(); // room → [ms confirmed, n per status...]
        for (UsageData.Totals t : data.totals()) {
            long[] c = counts.computeIfAbsent(t.roomId(), k -> new long[1 + ReservationStatus.values().length]);
            c[1 + t.status().ordinal()] += t.count();
            if (t.status() == ReservationStatus.CONFIRMED) {
                c[0] += t.millis();
            }
        }
        double[][] heat = new double[7][24];
        Map<String, Long> bookedOpen = new LinkedHashMap<>();
        for (UsageData.Hour h : data.hours()) {
            Room room = byId.get(h.roomId());
            ZonedDateTime at = Instant.ofEpochMilli(h.epochHour() * HOUR).atZone(room == null
                    ? java.time.ZoneOffset.UTC : room.zone());
            heat[at.getDayOfWeek().getValue() - 1][at.getHour()] += h.millis() / (double) HOUR;
            if (opening.open(at)) {
                bookedOpen.merge(h.roomId(), h.millis(), Long::sum);
            }
        }
        List<Line> roomLines = new ArrayList<>();
        for (Room room : byId.values()) {
            long[] c = counts.getOrDefault(room.id(), new long[1 + ReservationStatus.values().length]);
            roomLines.add(new Line(room.id(), room.name(), room.location(), c[0] / (double) HOUR,
                    openMillis(room, from, to) / (double) HOUR, bookedOpen.getOrDefault(room.id(), 0L) / (double) HOUR,
                    c[1 + ReservationStatus.CONFIRMED.ordinal()], c[1 + ReservationStatus.AUTO_RELEASED.ordinal()],
                    c[1 + ReservationStatus.CANCELLED.ordinal()], c[1 + ReservationStatus.DECLINED.ordinal()],
                    c[1 + ReservationStatus.EXPIRED.ordinal()], c[1 + ReservationStatus.PENDING.ordinal()]));
        }
        Map<String, List<Line>> byLocation = new LinkedHashMap<>();
        roomLines.stream().sorted(java.util.Comparator.comparing(Line::location))
                .forEach(l -> byLocation.computeIfAbsent(l.location(), k -> new ArrayList<>()).add(l));
        List<Line> locations = new ArrayList<>();
        byLocation.forEach((loc, lines) -> locations.add(sum(loc, loc, loc, lines)));
        return new Report(from, to, roomLines, locations, sum("*", "All rooms", "", roomLines), heat);
    }

    private static Line sum(String key, String name, String location, List<Line> lines) {
        double booked = 0;
        double open = 0;
        double bookedOpen = 0;
        long[] n = new long[6];
        for (Line l : lines) {
            booked += l.bookedHours();
            open += l.openHours();
            bookedOpen += l.bookedOpenHours();
            n[0] += l.confirmed();
            n[1] += l.autoReleased();
            n[2] += l.cancelled();
            n[3] += l.declined();
            n[4] += l.expired();
            n[5] += l.pending();
        }
        return new Line(key, name, location, booked, open, bookedOpen, n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    /** Opening milliseconds of {@code room} inside {@code [from, to)}, day by day in its zone. */
    long openMillis(Room room, Instant from, Instant to) {
        long total = 0;
        LocalDate last = to.atZone(room.zone()).toLocalDate();
        for (LocalDate d = from.atZone(room.zone()).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!opening.days().contains(d.getDayOfWeek())) {
                continue;
            }
            Instant a = d.atTime(opening.opens()).atZone(room.zone()).toInstant();
            Instant b = d.atTime(opening.closes()).atZone(room.zone()).toInstant();
            Instant s = a.isAfter(from) ? a : from;
            Instant e = b.isBefore(to) ? b : to;
            if (e.isAfter(s)) {
                total += e.toEpochMilli() - s.toEpochMilli();
            }
        }
        return total;
    }
}
