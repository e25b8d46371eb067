package dev.reservation.harness.cluster;

import dev.reservation.harness.history.MonotonicClock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polling with a time limit on a monotonic clock. Stateless and thread-safe. */
public final class Waits {
    private Waits() {
    }

    /**
     * Asks {@code probe} every {@code every} until it answers or {@code limit} has passed.
     *
     * @return the first answer, or empty when the limit ran out (or the thread was interrupted)
     */
    public static <T> Optional<T> until(MonotonicClock clock, Duration limit, Duration every, Supplier<Optional<T>> probe) {
        long deadline = clock.nanoTime() + limit.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer;
            }
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(Math.max(1, Math.min(every.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Sleeps for {@code duration}; returns false when interrupted. */
    public static boolean pause(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
