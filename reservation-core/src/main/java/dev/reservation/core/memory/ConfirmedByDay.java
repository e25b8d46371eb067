package dev.reservation.core.memory;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A room's reservations that hold it (CONFIRMED or PENDING; "confirmed" below means either), bucketed by UTC day: each reservation sits in the bucket of
 * every day its slot touches, and a bucket is a list sorted by start. Confirmed reservations never
 * overlap, so within a bucket they are sorted by end too. The conflict check reads only the
 * buckets of the asked slot's days through a hash map — its work does not grow with the number of
 * reservations the room holds — and a bucket ({@link DayBucket}) costs about 20 bytes per entry,
 * half a tree node. A sorted map of the same buckets serves range queries. Not thread-safe: the owning
 * {@link RoomBook}'s lock guards it.
 */
final class ConfirmedByDay {
    private static final long DAY_MS = 86_400_000L;
    private static final Comparator<Reservation> BY_START = Comparator.comparing(r -> r.slot().start());

    private final Map<Long, DayBucket> byDay = new HashMap<>();
    private final NavigableMap<Long, DayBucket> days = new TreeMap<>();

    static long day(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), DAY_MS);
    }

    private static long lastDay(TimeSlot slot) {
        return day(slot.end().minusMillis(1));
    }

    /** The confirmed reservations overlapping {@code slot}, in start order. */
    List<Reservation> overlapping(TimeSlot slot) {
        long start = slot.start().toEpochMilli();
        long end = slot.end().toEpochMilli();
        List<Reservation> out = List.of();
        for (long d = day(slot.start()), last = lastDay(slot); d <= last; d++) {
            DayBucket bucket = byDay.get(d);
            if (bucket == null) {
                continue;
            }
            for (int i = bucket.lastStartingBefore(end); i >= 0; i--) {
                if (bucket.end(i) <= start) {
                    break; // sorted by end too: nothing earlier reaches the slot
                }
                if (out.isEmpty()) {
                    out = new ArrayList<>(2);
                }
                if (!out.contains(bucket.get(i))) {
                    out.add(bucket.get(i));
                }
            }
        }
        if (out.size() > 1) {
            out.sort(BY_START);
        }
        return out;
    }

    void add(Reservation r) {
        for (long d = day(r.slot().start()), last = lastDay(r.slot()); d <= last; d++) {
            DayBucket bucket = byDay.get(d);
            if (bucket == null) {
                bucket = new DayBucket();
                byDay.put(d, bucket);
                days.put(d, bucket);
            }
            bucket.add(r);
        }
    }

    void remove(Reservation r) {
        for (long d = day(r.slot().start()), last = lastDay(r.slot()); d <= last; d++) {
            DayBucket bucket = byDay.get(d);
            if (bucket != null && bucket.remove(r) && bucket.size() == 0) {
                byDay.remove(d);
                days.remove(d);
            }
        }
    }

    /**
     * Confirmed reservations from the days that {@code [from, to)} touches (either bound may be
     * null), passing {@code filter}, in start order, each once, at most {@code limit}.
     */
    List<Reservation> window(Instant from, Instant to, Predicate<Reservation> filter, int limit) {
        NavigableMap<Long, DayBucket> range = days;
        if (from != null) {
            range = range.tailMap(day(from), true);
        }
        if (to != null) {
            range = range.headMap(day(to.minusMillis(1)), true);
        }
        List<Reservation> out = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<Long, DayBucket> e : range.entrySet()) {
            DayBucket bucket = e.getValue();
            for (int i = 0; i < bucket.size(); i++) {
                Reservation r = bucket.get(i);
                // a reservation spanning days sits in several buckets: take it from the first one read
                boolean firstSighting = first || day(r.slot().start()) >= e.getKey();
                if (firstSighting && filter.test(r)) {
                    out.add(r);
                    if (out.size() >= limit) {
                        return out;
                    }
                }
            }
            first = false;
        }
        return out;
    }
}
