package dev.reservation.core.store;

import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Reservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Aggregates of the reservations overlapping a period, as a store computes them without handing
 * every reservation to the app: per room and status the count and the booked milliseconds inside
 * the period; per room and UTC hour (hours since the epoch) the milliseconds CONFIRMED reservations
 * occupy inside the period. Its size grows with rooms × hours of the period, never with the number
 * of reservations. Immutable.
 */
public record UsageData(List<Totals> totals, List<Hour> hours) {
    public record Totals(String roomId, ReservationStatus status, long count, long millis) {
    }

    public record Hour(String roomId, long epochHour, long millis) {
    }

    public UsageData {
        totals = List.copyOf(totals);
        hours = List.copyOf(hours);
    }

    private static final long HOUR = 3_600_000L;

    /** Adds one reservation to running sums (for stores that scan): totals by "room|status", hours by "room|hour". */
    public static void add(Map<String, long[]> totals, Map<String, Long> hours, Reservation r, Instant from, Instant to) {
        long s = Math.max(r.slot().start().toEpochMilli(), from.toEpochMilli());
        long e = Math.min(r.slot().end().toEpochMilli(), to.toEpochMilli());
        if (e <= s) {
            return;
        }
        long[] t = totals.computeIfAbsent(r.roomId() + "|" + r.status().name(), k -> new long[2]);
        t[0]++;
        t[1] += e - s;
        if (r.status() == ReservationStatus.CONFIRMED) {
            for (long h = Math.floorDiv(s, HOUR); h * HOUR < e; h++) {
                long part = Math.min(e, (h + 1) * HOUR) - Math.max(s, h * HOUR);
                hours.merge(r.roomId() + "|" + h, part, Long::sum);
            }
        }
    }

    /** The running sums of {@link #add} as data, in a stable order. */
    public static UsageData of(Map<String, long[]> totals, Map<String, Long> hours) {
        List<Totals> t = new ArrayList<>();
        totals.forEach((k, v) -> {
            int bar = k.lastIndexOf('|');
            t.add(new Totals(k.substring(0, bar), ReservationStatus.valueOf(k.substring(bar + 1)), v[0], v[1]));
        });
        List<Hour> h = new ArrayList<>();
        hours.forEach((k, v) -> {
            int bar = k.lastIndexOf('|');
            h.add(new Hour(k.substring(0, bar), Long.parseLong(k.substring(bar + 1)), v));
        });
        return new UsageData(t, h).sorted();
    }

    /** The same data in a stable order (room, status / room, hour), so two stores' answers compare equal. */
    public UsageData sorted() {
        List<Totals> t = new ArrayList<>(totals);
        t.sort(Comparator.comparing(Totals::roomId).thenComparing(Totals::status));
        List<Hour> h = new ArrayList<>(hours);
        h.sort(Comparator.comparing(Hour::roomId).thenComparingLong(Hour::epochHour));
        return new UsageData(t, h);
    }
}
