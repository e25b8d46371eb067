package dev.reservation.web.notify;

import dev.reservation.core.notify.OutboxDrainer;
import dev.reservation.core.notify.OutboxSweeper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled jobs inside the app that deliver notifications: the drainer every {@code pollEvery}
 * (and at once when {@link #wake()} says something was enqueued), the sweeper every
 * {@code sweepEvery}. One daemon thread runs both, so neither runs concurrently with itself. A
 * failing tick is logged and the next one tries again. Every app instance runs its own; the outbox's
 * leases keep them from sending one mail twice. Thread-safe.
 */
public final class NotificationJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationJobs.class);

    private final java.util.Optional<OutboxDrainer> drainer;
    private final java.util.Optional<dev.reservation.core.hooks.WebhookDispatcher> hooks;
    private final OutboxSweeper sweeper;
    private final ScheduledExecutorService thread;
    private final java.util.concurrent.ExecutorService hookThreads;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile String lastError;

    public NotificationJobs(OutboxDrainer drainer, OutboxSweeper sweeper) {
        this(java.util.Optional.of(drainer), java.util.Optional.empty(), 1, sweeper);
    }

    /**
     * @param drainer the e-mail sender, when this instance sends mail
     * @param hooks the webhook dispatcher, when it delivers webhooks: its subscriptions run on
     *        {@code hookThreads} threads of their own, so one slow receiver does not hold up the others
     */
    public NotificationJobs(java.util.Optional<OutboxDrainer> drainer,
                            java.util.Optional<dev.reservation.core.hooks.WebhookDispatcher> hooks, int hookThreads,
                            OutboxSweeper sweeper) {
        this.drainer = drainer;
        this.hooks = hooks;
        this.sweeper = sweeper;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notifications");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.hookThreads = Executors.newFixedThreadPool(hookThreads, r -> {
            Thread t = new Thread(r, "webhooks-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public NotificationJobs start(Duration pollEvery, Duration sweepEvery) {
        thread.scheduleWithFixedDelay(this::drain, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::sweep, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Something was enqueued: drain soon rather than at the next tick. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakePending.set(false);
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                wakePending.set(false);
            }
        }
    }

    void drain() {
        drainer.ifPresent(this::drainMail);
        hooks.ifPresent(this::deliverHooks);
    }

    private void deliverHooks(dev.reservation.core.hooks.WebhookDispatcher dispatcher) {
        try {
            dev.reservation.core.hooks.WebhookDispatcher.Result r = dispatcher.tick(hookThreads);
            if (r.failed() > 0 || r.disabled() > 0) {
                LOG.info("webhooks: {} delivered, {} failed (retried later), {} subscription(s) switched off after"
                        + " failing too long", r.delivered(), r.failed(), r.disabled());
            }
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warn("webhooks: delivering failed ({}); the next tick tries again", e.getMessage());
        }
    }

    private void drainMail(OutboxDrainer drainer) {
        try {
            OutboxDrainer.Result r;
            do {
                r = drainer.drainOnce();
                if (r.channelDown()) {
                    if (r.leased() > 0) {
                        LOG.warn("notifications: the mail server is down; retrying after {}", drainer.pausedUntil());
                    }
                    return;
                }
                if (r.done() > 0 || r.failed() > 0) {
                    LOG.info("notifications: {} sent or skipped, {} failed (retried later)", r.done(), r.failed());
                }
            } while (r.leased() > 0 && r.failed() == 0);
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warn("notifications: draining the outbox failed ({}); the next tick tries again", e.getMessage());
        }
    }

    void sweep() {
        try {
            OutboxSweeper.Result r = sweeper.sweep();
            if (r.enqueued() > 0) {
                LOG.warn("notifications: the sweeper recorded {} change(s) that had no outbox entry (a crash or a failed"
                        + " enqueue between commit and enqueue)", r.enqueued());
                wake();
            }
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warn("notifications: sweeping recent changes failed ({}); the next tick tries again", e.getMessage());
        }
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        hookThreads.shutdownNow();
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
