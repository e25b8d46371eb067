package dev.reservation.core.memory;

import dev.reservation.core.domain.Reservation;
import java.util.Arrays;

/**
 * The confirmed reservations of one room touching one day, sorted by start, with their starts and
 * ends also kept as epoch milliseconds in primitive arrays: a lookup binary-searches one
 * {@code long[]} instead of following three references per probe, so it stays within a few cache
 * lines however full the room is. Not thread-safe: the room's lock guards it.
 */
final class DayBucket {
    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private Reservation[] items = new Reservation[4];
    private int size;

    int size() {
        return size;
    }

    Reservation get(int i) {
        return items[i];
    }

    long end(int i) {
        return ends[i];
    }

    long start(int i) {
        return starts[i];
    }

    /** Index of the last entry starting before {@code atMillis}, or -1. */
    int lastStartingBefore(long atMillis) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < atMillis) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    void add(Reservation r) {
        long start = r.slot().start().toEpochMilli();
        int at = lastStartingBefore(start) + 1;
        if (size == items.length) {
            int capacity = size + (size >> 1) + 1;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            items = Arrays.copyOf(items, capacity);
        }
        System.arraycopy(starts, at, starts, at + 1, size - at);
        System.arraycopy(ends, at, ends, at + 1, size - at);
        System.arraycopy(items, at, items, at + 1, size - at);
        starts[at] = start;
        ends[at] = r.slot().end().toEpochMilli();
        items[at] = r;
        size++;
    }

    /** Removes this very reservation; false when it is not here. */
    boolean remove(Reservation r) {
        for (int i = lastStartingBefore(r.slot().start().toEpochMilli() + 1); i >= 0; i--) {
            if (items[i] == r) {
                System.arraycopy(starts, i + 1, starts, i, size - i - 1);
                System.arraycopy(ends, i + 1, ends, i, size - i - 1);
                System.arraycopy(items, i + 1, items, i, size - i - 1);
                size--;
                items[size] = null;
                return true;
            }
            if (starts[i] < r.slot().start().toEpochMilli()) {
                return false;
            }
        }
        return false;
    }
}
