package dev.reservation.core.hooks;

import dev.reservation.core.notify.OutboxDrainer;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Delivers webhook subscriptions' outbox entries, each subscription strictly oldest first: it
 * leases only a subscription's head ({@link OutboxStore#leaseHead}), so across every app instance
 * one delivery per subscription is in flight, and a failed delivery (due again after a doubling
 * backoff) holds back the ones behind it — events reach a receiver in the order they were recorded.
 * A delivery counts when the receiver answers 2xx; anything else is retried, for ever, with the
 * same event id (at least once: a crash between the receiver's answer and the mark sends it once
 * more, after the lease lapses). A subscription whose deliveries fail without a success for
 * {@code disableAfter} is switched off, with the reason; what it has queued waits for it to be
 * switched on. Call {@link #tick} from one thread at a time; subscriptions run in parallel on the
 * executor it is given.
 */
public final class WebhookDispatcher {
    /** How a dispatcher paces itself: at most {@code perTick} deliveries per subscription per tick. */
    public record Settings(OutboxDrainer.Settings drain, Duration disableAfter, int perTick) {
        public static final Settings DEFAULT = new Settings(new OutboxDrainer.Settings(1, Duration.ofMinutes(1),
                Duration.ofSeconds(10), Duration.ofHours(1)), Duration.ofDays(1), 20);

        public Settings {
            Objects.requireNonNull(drain, "drain");
            Objects.requireNonNull(disableAfter, "disableAfter");
            if (perTick < 1) {
                throw new IllegalArgumentException("perTick must be at least 1");
            }
        }
    }

    /** What one delivery attempt came to: {@code done} (answered 2xx, or deliberately skipped) or not, and a word for the log. */
    public record Attempt(boolean done, String outcome) {
        public static Attempt delivered(String outcome) {
            return new Attempt(true, outcome);
        }

        public static Attempt failed(String outcome) {
            return new Attempt(false, outcome);
        }
    }

    /** Sends one delivery: must not throw for a receiver's failure (an exception counts as a failed attempt anyway). */
    @FunctionalInterface
    public interface Sender {
        Attempt send(WebhookSubscription subscription, OutboxEntry entry);
    }

    /** What one tick did. */
    public record Result(int delivered, int failed, int disabled) {
    }

    private final WebhookStore store;
    private final OutboxStore outbox;
    private final Sender sender;
    private final Clock clock;
    private final Settings settings;

    public WebhookDispatcher(WebhookStore store, OutboxStore outbox, Sender sender, Clock clock, Settings settings) {
        this.store = Objects.requireNonNull(store);
        this.outbox = Objects.requireNonNull(outbox);
        this.sender = Objects.requireNonNull(sender);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    public Result tick(Executor executor) {
        List<CompletableFuture<int[]>> runs = new ArrayList<>();
        for (WebhookSubscription s : store.all()) {
            if (s.enabled()) {
                runs.add(CompletableFuture.supplyAsync(() -> drain(s), executor));
            }
        }
        int[] total = new int[3];
        for (CompletableFuture<int[]> run : runs) {
            int[] r = run.join();
            for (int i = 0; i < 3; i++) {
                total[i] += r[i];
            }
        }
        return new Result(total[0], total[1], total[2]);
    }

    /** Delivers one subscription's due entries, oldest first, until one fails: {delivered, failed, disabled}. */
    int[] drain(WebhookSubscription subscription) {
        WebhookSubscription s = subscription;
        int delivered = 0;
        for (int i = 0; i < settings.perTick(); i++) {
            Optional<OutboxEntry> head = outbox.leaseHead(s.consumer(), clock.instant(), settings.drain().lease());
            if (head.isEmpty()) {
                break;
            }
            OutboxEntry e = head.get();
            Attempt attempt;
            try {
                attempt = sender.send(s, e);
            } catch (RuntimeException ex) {
                attempt = Attempt.failed(OutboxDrainer.describe(ex));
            }
            Instant at = clock.instant();
            if (attempt.done()) {
                if (outbox.markDone(e.id(), e.leaseToken(), at, attempt.outcome())) {
                    delivered++;
                }
                if (s.failingSince() != null) {
                    s = answered(s);
                }
                continue;
            }
            outbox.markFailed(e.id(), e.leaseToken(), at, attempt.outcome(),
                    at.plus(settings.drain().backoff(e.attempts() + 1)));
            boolean disabled = failed(s, at);
            return new int[] {delivered, 1, disabled ? 1 : 0};
        }
        return new int[] {delivered, 0, 0};
    }

    private WebhookSubscription answered(WebhookSubscription s) {
        Optional<WebhookSubscription> current = store.find(s.id());
        if (current.isPresent() && current.get().failingSince() != null && current.get().enabled()) {
            WebhookSubscription next = current.get().answering();
            if (store.replace(current.get().version(), next)) {
                return next;
            }
        }
        return current.orElse(s);
    }

    /** Records the failure on the subscription; true when it was switched off for failing too long. */
    private boolean failed(WebhookSubscription s, Instant at) {
        Optional<WebhookSubscription> current = store.find(s.id());
        if (current.isEmpty() || !current.get().enabled()) {
            return false;
        }
        WebhookSubscription c = current.get();
        if (c.failingSince() == null) {
            store.replace(c.version(), c.failing(at));
            return false;
        }
        if (Duration.between(c.failingSince(), at).compareTo(settings.disableAfter()) >= 0) {
            return store.replace(c.version(), c.switched(false, "switched off at "
                    + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": every delivery since "
                    + c.failingSince().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " failed"));
        }
        return false;
    }
}
