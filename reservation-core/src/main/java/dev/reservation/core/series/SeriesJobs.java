package dev.reservation.core.series;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The series jobs inside the app: every {@code interval}, finish series whose booker went quiet
 * ({@link SeriesService#sweep}) and book the days the moving horizon has reached
 * ({@link SeriesService#extend}). Safe with any number of instances running them at once: every
 * occurrence has one deterministic id, and every change to a series is a compare-and-set. A failed
 * run is logged and the next one tries again. Start once; {@link #close} stops it.
 */
public final class SeriesJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SeriesJobs.class.getName());
    /** How long a series may sit undecided before the sweeper rolls it back. */
    public static final Duration GRACE = Duration.ofMinutes(2);

    /** What one run did. */
    public record Run(int swept, int extended) {
    }

    private final SeriesService series;
    private ScheduledExecutorService timer;

    public SeriesJobs(SeriesService series) {
        this.series = series;
    }

    /** One run, now, on the calling thread (what the timer calls; tests call it directly). */
    public Run runOnce() {
        int swept = 0;
        int extended = 0;
        try {
            swept = series.sweep(GRACE);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sweeping unfinished series failed; the next run retries: " + e);
        }
        try {
            extended = series.extend();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "extending series failed; the next run retries: " + e);
        }
        return new Run(swept, extended);
    }

    /** Starts running every {@code interval} (first run after one interval); a zero interval starts nothing. */
    public synchronized SeriesJobs start(Duration interval) {
        if (timer != null || interval.isZero() || interval.isNegative()) {
            return this;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "series-jobs");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
