package dev.reservation.core.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The scheduled jobs inside the app (no external cron): every {@code interval}, expire undecided
 * requests that started, auto-release reservations not checked in in time, and settle old quota
 * holds. Safe with any number of app instances running them at once: every change is a
 * compare-and-set on the reservation (released or expired once, by whichever instance's CAS wins)
 * or an idempotent conditional update of a counter; no lease is needed and none can expire wrongly.
 * A failed run is logged and the next one tries again. Start once; {@link #close} stops it.
 */
public final class OperationsJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OperationsJobs.class.getName());

    /** What one run did. */
    public record Run(int expired, int released, int holdsGivenBack) {
    }

    private final OperationsService operations;
    private final QuotaLedger quotas;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public OperationsJobs(OperationsService operations, QuotaLedger quotas, Clock clock) {
        this.operations = operations;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** One run of every job, now, on the calling thread (what the timer calls; tests call it directly). */
    public Run runOnce() {
        int expired = 0;
        int released = 0;
        int given = 0;
        try {
            expired = operations.expirePending();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "expiring pending requests failed; the next run retries: " + e);
        }
        try {
            released = operations.autoRelease();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "auto-release failed; the next run retries: " + e);
        }
        try {
            given = quotas.reconcile(clock.instant(), 500);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "settling quota holds failed; the next run retries: " + e);
        }
        return new Run(expired, released, given);
    }

    /** Starts running every {@code interval} (first run after one interval); a zero interval starts nothing. */
    public synchronized OperationsJobs start(Duration interval) {
        if (timer != null || interval.isZero() || interval.isNegative()) {
            return this;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "room-operations-jobs");
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
