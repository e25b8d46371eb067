package dev.reservation.harness.workload;

import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the clients of one trial ask for: which rooms and users, inside which window of future time,
 * which slot lengths on what grid, what share of operations are reads, and what share of acknowledged
 * bookings their client cancels later. Keys are {@code keyPrefix + "t<trial>-<process>-<n>"}, unique per run.
 *
 * <p>{@code hotWindow}: at any moment clients book inside a sub-window of this length, which sweeps
 * from the window's start to its end over the trial (so that it never fills up for good, and so
 * that concurrent attempts overlap often); equal to the window's length, it stays put.
 * Immutable; validated here.
 */
public record WorkloadSpec(List<String> rooms, List<String> users, TimeSlot window, Duration hotWindow,
                           List<Duration> slotLengths, Duration grid, double readFraction, double cancelFraction,
                           String keyPrefix, int trial) {
    public WorkloadSpec {
        rooms = List.copyOf(rooms);
        users = List.copyOf(users);
        slotLengths = List.copyOf(slotLengths);
        if (rooms.isEmpty() || users.isEmpty() || slotLengths.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one room, one user and one slot length");
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(hotWindow, "hotWindow");
        if (grid.isNegative() || grid.isZero() || slotLengths.stream().anyMatch(l -> l.isNegative() || l.isZero())) {
            throw new IllegalArgumentException("slot lengths and grid must be positive");
        }
        Duration longest = slotLengths.stream().max(Duration::compareTo).orElseThrow();
        if (window.duration().compareTo(longest) < 0) {
            throw new IllegalArgumentException("the window (" + window.duration() + ") is shorter than one slot");
        }
        if (hotWindow.compareTo(longest) < 0 || hotWindow.compareTo(window.duration()) > 0) {
            throw new IllegalArgumentException("the hot window (" + hotWindow + ") must hold the longest slot ("
                    + longest + ") and fit in the window (" + window.duration() + ")");
        }
        if (readFraction < 0 || readFraction > 1) {
            throw new IllegalArgumentException("the read fraction must be within 0..1, was " + readFraction);
        }
        if (cancelFraction < 0 || cancelFraction > 1) {
            throw new IllegalArgumentException("the cancel fraction must be within 0..1, was " + cancelFraction);
        }
        Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** One slot length on a grid over the whole window, no cancellations (the "spread" workload). */
    public WorkloadSpec(List<String> rooms, List<String> users, TimeSlot window, Duration slotLength, Duration grid,
                        double readFraction, String keyPrefix, int trial) {
        this(rooms, users, window, window.duration(), List.of(slotLength), grid, readFraction, 0, keyPrefix, trial);
    }

    /** The sub-window clients book in when {@code progress} (0..1) of the trial has passed. */
    public TimeSlot hotWindowAt(double progress) {
        if (hotWindow.compareTo(window.duration()) >= 0) {
            return window;
        }
        double p = Math.max(0, Math.min(1, progress));
        long steps = window.duration().minus(hotWindow).toNanos() / grid.toNanos();
        return TimeSlot.of(window.start().plus(grid.multipliedBy((long) Math.floor(p * steps))), hotWindow);
    }

    /** How many distinct starts a slot of {@code length} has inside {@code within}. */
    public long startPositions(Duration length, TimeSlot within) {
        return 1 + (within.duration().minus(length).toNanos() / grid.toNanos());
    }

    /** How many distinct slot starts the window holds for one room, for the first slot length. */
    public long startPositions() {
        return startPositions(slotLengths.get(0), window);
    }
}
