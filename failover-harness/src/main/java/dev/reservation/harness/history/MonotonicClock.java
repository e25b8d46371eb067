package dev.reservation.harness.history;

/**
 * A source of monotonic nanoseconds for measured durations (never wall-clock time, which can jump).
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface MonotonicClock {
    /** Nanoseconds from an arbitrary fixed origin; only differences mean anything. */
    long nanoTime();

    /** {@link System#nanoTime()}. */
    static MonotonicClock system() {
        return System::nanoTime;
    }
}
