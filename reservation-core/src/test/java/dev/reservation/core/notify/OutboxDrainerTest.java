package dev.reservation.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.memory.InMemoryOutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Delivery, backoff, a channel that is down, and a drainer that crashes between delivering and marking. */
class OutboxDrainerTest {
    private static final Instant T0 = Instant.parse("2031-01-01T08:00:00Z");
    private final InMemoryOutboxStore outbox = new InMemoryOutboxStore();
    private final MovingClock clock = new MovingClock(T0);
    private final OutboxDrainer.Settings settings = new OutboxDrainer.Settings(10, Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofMinutes(10));

    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records what it delivers; can be told the channel is down or to crash right after delivering. */
    static final class Recording implements OutboxConsumer {
        final List<String> delivered = new ArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicBoolean crashAfterDelivering = new AtomicBoolean();

        @Override
        public String name() {
            return OutboxEntry.EMAIL;
        }

        @Override
        public String deliver(OutboxEntry entry) {
            if (down.get()) {
                throw new ConsumerUnavailableException("connection refused", null);
            }
            delivered.add(entry.id());
            if (crashAfterDelivering.getAndSet(false)) {
                throw new Crash();
            }
            return "sent";
        }
    }

    static final class Crash extends Error {
        Crash() {
            super("the process died here");
        }
    }

    private void enqueue(String rid) {
        outbox.enqueue(new OutboxEntry.New(OutboxEntry.EMAIL, rid, 0, ChangeKind.BOOKED, "u1", clock.instant()));
    }

    @Test
    void deliversAndMarksDone() {
        enqueue("r1");
        enqueue("r2");
        Recording consumer = new Recording();
        OutboxDrainer drainer = new OutboxDrainer(outbox, consumer, clock, settings);
        assertThat(drainer.drainOnce()).isEqualTo(new OutboxDrainer.Result(2, 2, 0, false));
        assertThat(drainer.drainOnce().leased()).isZero();
        assertThat(consumer.delivered).hasSize(2);
        assertThat(outbox.stats(OutboxEntry.EMAIL, clock.instant()).pending()).isZero();
    }

    @Test
    void aChannelThatIsDownDelaysMailWithoutLosingItAndBacksOff() {
        enqueue("r1");
        enqueue("r2");
        Recording consumer = new Recording();
        consumer.down.set(true);
        OutboxDrainer drainer = new OutboxDrainer(outbox, consumer, clock, settings);
        OutboxDrainer.Result first = drainer.drainOnce();
        assertThat(first.channelDown()).isTrue();
        assertThat(first.failed()).isEqualTo(1); // one attempt, the rest of the batch released untouched
        assertThat(drainer.pausedUntil()).isEqualTo(T0.plusSeconds(30));
        clock.advance(Duration.ofSeconds(10));
        assertThat(drainer.drainOnce().leased()).isZero(); // paused
        clock.advance(Duration.ofSeconds(25));
        drainer.drainOnce(); // r2 was released: it is tried (and fails) now; r1's retry is due at T0+30s too
        OutboxStats stats = outbox.stats(OutboxEntry.EMAIL, clock.instant());
        assertThat(stats.pending()).isEqualTo(2);
        assertThat(stats.lastError()).hasValueSatisfying(e -> assertThat(e.message()).contains("connection refused"));
        assertThat(drainer.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(drainer.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(drainer.backoff(20)).isEqualTo(Duration.ofMinutes(10));

        consumer.down.set(false);
        clock.advance(Duration.ofMinutes(10));
        OutboxDrainer.Result recovered = drainer.drainOnce();
        assertThat(recovered.done()).isEqualTo(2);
        assertThat(consumer.delivered).hasSize(2);
    }

    @Test
    void aCrashBetweenDeliveringAndMarkingDeliversOnceMoreAfterTheLeaseLapses() {
        enqueue("r1");
        Recording consumer = new Recording();
        consumer.crashAfterDelivering.set(true);
        OutboxDrainer crashing = new OutboxDrainer(outbox, consumer, clock, settings);
        assertThatThrownBy(crashing::drainOnce).isInstanceOf(Crash.class);
        OutboxDrainer survivor = new OutboxDrainer(outbox, consumer, clock, settings);
        assertThat(survivor.drainOnce().leased()).isZero(); // the dead holder's lease still holds
        clock.advance(Duration.ofSeconds(61));
        assertThat(survivor.drainOnce().done()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(survivor.drainOnce().leased()).isZero();
        assertThat(consumer.delivered).containsExactly("email:r1:0", "email:r1:0");
    }

    @Test
    void aFailingEntryIsRetriedWithGrowingWaitsAndNeverDropped() {
        enqueue("r1");
        OutboxConsumer broken = new OutboxConsumer() {
            @Override
            public String name() {
                return OutboxEntry.EMAIL;
            }

            @Override
            public String deliver(OutboxEntry entry) {
                throw new IllegalStateException("550 mailbox unavailable");
            }
        };
        OutboxDrainer drainer = new OutboxDrainer(outbox, broken, clock, settings);
        for (int i = 0; i < 8; i++) {
            drainer.drainOnce();
            clock.advance(Duration.ofMinutes(10));
        }
        OutboxEntry e = outbox.find("email:r1:0").orElseThrow();
        assertThat(e.attempts()).isEqualTo(8);
        assertThat(e.done()).isFalse();
        assertThat(e.lastError()).isEqualTo("550 mailbox unavailable");
    }
}
