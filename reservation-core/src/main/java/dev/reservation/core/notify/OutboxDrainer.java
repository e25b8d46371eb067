package dev.reservation.core.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Drains one consumer's outbox: leases a batch, delivers each entry, marks it done, or records
 * the failure with exponential backoff ({@code base · 2^(attempts-1)}, at most {@code maxBackoff};
 * it never gives up: nothing is lost, a broken entry just waits longer). When the consumer's
 * channel is down ({@link OutboxConsumer.ConsumerUnavailableException}) the rest of the batch is
 * released and the drainer pauses for the same backoff, so a dead SMTP server costs one attempt per
 * pause, not one per entry. Several drainers (app instances) may drain one outbox: leases keep them
 * apart. Call {@link #drainOnce()} from one thread at a time.
 */
public final class OutboxDrainer {
    /** How a drainer paces itself. */
    public record Settings(int batch, Duration lease, Duration baseBackoff, Duration maxBackoff) {
        public static final Settings DEFAULT = new Settings(20, Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofHours(1));

        public Settings {
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be at least 1");
            }
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(baseBackoff, "baseBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }

        /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures: doubling, at most the maximum. */
        public Duration backoff(int attempt) {
            Duration wait = baseBackoff;
            for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    /** What one drain did. */
    public record Result(int leased, int done, int failed, boolean channelDown) {
        static final Result PAUSED = new Result(0, 0, 0, true);
    }

    private final OutboxStore outbox;
    private final OutboxConsumer consumer;
    private final Clock clock;
    private final Settings settings;
    private volatile Instant pausedUntil = Instant.MIN;

    public OutboxDrainer(OutboxStore outbox, OutboxConsumer consumer, Clock clock, Settings settings) {
        this.outbox = Objects.requireNonNull(outbox);
        this.consumer = Objects.requireNonNull(consumer);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    public Result drainOnce() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return Result.PAUSED;
        }
        List<OutboxEntry> batch = outbox.lease(consumer.name(), now, settings.lease(), settings.batch());
        int done = 0;
        int failed = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEntry entry = batch.get(i);
            String outcome;
            try {
                outcome = consumer.deliver(entry);
            } catch (OutboxConsumer.ConsumerUnavailableException down) {
                Instant at = clock.instant();
                Instant retryAt = at.plus(backoff(entry.attempts() + 1));
                outbox.markFailed(entry.id(), entry.leaseToken(), at, describe(down), retryAt);
                for (OutboxEntry rest : batch.subList(i + 1, batch.size())) {
                    outbox.release(rest.id(), rest.leaseToken());
                }
                pausedUntil = retryAt;
                return new Result(batch.size(), done, failed + 1, true);
            } catch (RuntimeException e) {
                Instant at = clock.instant();
                outbox.markFailed(entry.id(), entry.leaseToken(), at, describe(e), at.plus(backoff(entry.attempts() + 1)));
                failed++;
                continue;
            }
            if (outbox.markDone(entry.id(), entry.leaseToken(), clock.instant(), outcome)) {
                done++;
            }
        }
        pausedUntil = Instant.MIN;
        return new Result(batch.size(), done, failed, false);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures. */
    public Duration backoff(int attempt) {
        return settings.backoff(attempt);
    }

    /** Until when the drainer pauses after its channel was down ({@link Instant#MIN} when it does not). */
    public Instant pausedUntil() {
        return pausedUntil;
    }

    public String consumer() {
        return consumer.name();
    }

    /** A failure's message for the entry's log, its cause's too, trimmed to what an entry keeps. */
    public static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + " (" + cause.getMessage() + ")";
        }
        return OutboxEntry.trimError(message);
    }
}
