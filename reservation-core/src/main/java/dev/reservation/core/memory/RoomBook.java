package dev.reservation.core.memory;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * One room's reservations, ordered by start. Confirmed reservations never overlap, so they are
 * keyed by start alone and an overlap check touches only the neighbours of the asked slot:
 * O(log n + k) for k conflicts. Guarded by its own lock: rooms are booked in parallel.
 */
final class RoomBook {
    /** Orders all reservations (any status) of the room by start, then id. */
    private record Key(Instant start, String id) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::start).thenComparing(Key::id);

        static Key of(Reservation r) {
            return new Key(r.slot().start(), r.id());
        }

        /** Sorts before every reservation starting at {@code at} (no id is empty). */
        static Key before(Instant at) {
            return new Key(at, "");
        }

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Instant, Reservation> confirmedByStart = new TreeMap<>();
    private final TreeMap<Key, Reservation> all = new TreeMap<>();
    /** The longest slot ever stored here: bounds how far back a window query must look. */
    private Duration longest = Duration.ZERO;

    /** Confirmed reservations overlapping {@code slot}; caller holds the lock. */
    List<Reservation> confirmedOverlapping(TimeSlot slot) {
        List<Reservation> out = new ArrayList<>(1);
        Map.Entry<Instant, Reservation> before = confirmedByStart.lowerEntry(slot.start());
        if (before != null && before.getValue().slot().end().isAfter(slot.start())) {
            out.add(before.getValue());
        }
        out.addAll(confirmedByStart.subMap(slot.start(), true, slot.end(), false).values());
        return out;
    }

    /** Adds a new confirmed reservation; caller holds the write lock and checked for overlaps. */
    void addConfirmed(Reservation r) {
        confirmedByStart.put(r.slot().start(), r);
        all.put(Key.of(r), r);
        if (r.slot().duration().compareTo(longest) > 0) {
            longest = r.slot().duration();
        }
    }

    /** Replaces {@code before} by its cancelled form; caller holds the write lock. */
    void replaceCancelled(Reservation before, Reservation cancelled) {
        confirmedByStart.remove(before.slot().start(), before);
        all.put(Key.of(cancelled), cancelled);
    }

    /** Reservations (any status) whose slot may overlap {@code [from, to)}, filtered, in order. */
    List<Reservation> window(Instant from, Instant to, Predicate<Reservation> filter, int limit) {
        NavigableMap<Key, Reservation> range = all;
        if (from != null) {
            range = range.tailMap(Key.before(from.minus(longest)), true);
        }
        if (to != null) {
            range = range.headMap(Key.before(to), false);
        }
        List<Reservation> out = new ArrayList<>();
        for (Reservation r : range.values()) {
            if (filter.test(r)) {
                out.add(r);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    int confirmedCount() {
        return confirmedByStart.size();
    }
}
