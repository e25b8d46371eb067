package dev.reservation.core.notify;

import dev.reservation.core.domain.Reservation;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The listener that records a change in the outbox, once for each active consumer, keyed by
 * (reservation id, version, kind): the service's own retries after an unknown outcome, a client's
 * replay with the same idempotency key and the sweeper all find the entry already there, so a
 * change is enqueued once whatever happens. A failure to enqueue is reported to {@code onFailure}
 * and swallowed (the booking stands; the sweeper enqueues it later). {@code onEnqueued} runs after
 * an entry was added (the app wakes its sender with it). Thread-safe.
 */
public final class OutboxRecorder implements ReservationChangeListener {
    private final OutboxStore outbox;
    private final OutboxConsumers consumers;
    private final Clock clock;
    private final Consumer<RuntimeException> onFailure;
    private final Runnable onEnqueued;
    private final AtomicLong failures = new AtomicLong();

    public OutboxRecorder(OutboxStore outbox, List<String> consumers, Clock clock,
                          Consumer<RuntimeException> onFailure, Runnable onEnqueued) {
        this(outbox, OutboxConsumers.fixed(consumers), clock, onFailure, onEnqueued);
    }

    public OutboxRecorder(OutboxStore outbox, OutboxConsumers consumers, Clock clock,
                          Consumer<RuntimeException> onFailure, Runnable onEnqueued) {
        this.outbox = Objects.requireNonNull(outbox);
        this.consumers = Objects.requireNonNull(consumers);
        this.clock = Objects.requireNonNull(clock);
        this.onFailure = Objects.requireNonNull(onFailure);
        this.onEnqueued = Objects.requireNonNull(onEnqueued);
    }

    @Override
    public void changed(Reservation r) {
        changed(r, ChangeKind.of(r));
    }

    @Override
    public void changed(Reservation r, ChangeKind kind) {
        boolean added = false;
        java.time.Instant now = clock.instant();
        List<String> to;
        try {
            to = consumers.of(r, now);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            onFailure.accept(e);
            return;
        }
        for (String consumer : to) {
            try {
                added |= outbox.enqueue(new OutboxEntry.New(consumer, r.id(), r.version(), kind, r.userId(),
                        now));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                onFailure.accept(e);
            }
        }
        if (added) {
            try {
                onEnqueued.run();
            } catch (RuntimeException ignored) {
                // waking the sender is an optimisation: its next tick finds the entry anyway
            }
        }
    }

    /** How many enqueues failed since start (left to the sweeper). */
    public long failures() {
        return failures.get();
    }

    public OutboxConsumers consumers() {
        return consumers;
    }
}
