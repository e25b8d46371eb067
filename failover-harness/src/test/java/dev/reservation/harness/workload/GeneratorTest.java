package dev.reservation.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.IntStream;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    private static final Instant BASE = Instant.parse("2030-03-01T00:00:00Z");
    private final WorkloadSpec spec = new WorkloadSpec(List.of("r-spree", "r-havel"), List.of("u-ada", "u-alan"),
            TimeSlot.of(BASE, Duration.ofDays(1)), Duration.ofMinutes(15), Duration.ofMinutes(5), 0.25, "h-x-", 3);

    @Test
    void reservesGridAlignedSlotsInsideTheWindowUnderUniqueKeys() {
        Generator generator = new Generator(spec, "c0", 42);
        List<Plan.Reserve> reserves = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            if (generator.next() instanceof Plan.Reserve r) {
                reserves.add(r);
            }
        }

        assertThat(reserves).allSatisfy(r -> {
            assertThat(r.slot().duration()).isEqualTo(Duration.ofMinutes(15));
            assertThat(r.slot().start()).isAfterOrEqualTo(BASE);
            assertThat(r.slot().end()).isBeforeOrEqualTo(BASE.plus(Duration.ofDays(1)));
            assertThat(Duration.between(BASE, r.slot().start()).toMinutes() % 5).isZero();
            assertThat(r.key()).startsWith("h-x-t3-c0-");
        });
        Set<String> keys = new HashSet<>();
        reserves.forEach(r -> keys.add(r.key()));
        assertThat(keys).hasSameSizeAs(reserves);
        assertThat(reserves).extracting(Plan.Reserve::roomId).contains("r-spree", "r-havel");
    }

    @Test
    void mixesInReadsAtTheAskedShare() {
        Generator generator = new Generator(spec, "c0", 7);
        long reads = IntStream.range(0, 4_000).mapToObj(i -> generator.next()).filter(p -> p instanceof Plan.Read).count();

        assertThat(reads).isBetween(850L, 1150L);
    }

    @Test
    void repeatsTheSameSequenceForTheSameSeed() {
        Generator a = new Generator(spec, "c1", 99);
        Generator b = new Generator(spec, "c1", 99);

        for (int i = 0; i < 100; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void countsTheSlotStartsAWindowHolds() {
        assertThat(spec.startPositions()).isEqualTo(24 * 12 - 2);
    }

    @Test
    void refusesAWindowShorterThanOneSlot() {
        assertThatThrownBy(() -> new WorkloadSpec(List.of("r"), List.of("u"), TimeSlot.of(BASE, Duration.ofMinutes(10)),
                Duration.ofMinutes(15), Duration.ofMinutes(5), 0, "k", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than one slot");
    }

    private static final WorkloadSettings CONTENTION = new WorkloadSettings(WorkloadSettings.Mode.CONTENTION, 2,
            Duration.ofHours(4), 0.2, 0.5);

    @Test
    void contentionBooksSlotsOfFifteenToSixtyMinutesInsideTheSweepingHotWindow() {
        WorkloadSpec contention = CONTENTION.spec(List.of("r-spree", "r-havel"), List.of("u-ada"),
                TimeSlot.of(BASE, Duration.ofDays(1)), "h-c-", 1);
        double[] progress = {0};
        Generator generator = new Generator(contention, "c0", 3, () -> progress[0]);
        for (double p : new double[] {0, 0.5, 1}) {
            progress[0] = p;
            TimeSlot hot = contention.hotWindowAt(p);
            for (int i = 0; i < 500; i++) {
                Plan plan = generator.next();
                if (plan instanceof Plan.Reserve r) {
                    assertThat(r.slot().duration().toMinutes()).isIn(15L, 30L, 45L, 60L);
                    assertThat(r.slot().start()).isAfterOrEqualTo(hot.start());
                    assertThat(r.slot().end()).isBeforeOrEqualTo(hot.end());
                    assertThat(Duration.between(BASE, r.slot().start()).toMinutes() % 15).isZero();
                } else if (plan instanceof Plan.Read read) {
                    assertThat(read.window()).isEqualTo(hot);
                }
            }
        }
        assertThat(contention.hotWindowAt(0).start()).isEqualTo(BASE);
        assertThat(contention.hotWindowAt(1).end()).isEqualTo(BASE.plus(Duration.ofDays(1)));
    }

    @Test
    void cancelsAShareOfItsOwnOkBookingsAFewOperationsLater() {
        WorkloadSpec contention = CONTENTION.spec(List.of("r-spree"), List.of("u-ada"),
                TimeSlot.of(BASE, Duration.ofDays(1)), "h-c-", 1);
        Generator generator = new Generator(contention, "c0", 11);
        History history = new History(MonotonicClock.system());
        int booked = 0;
        int cancels = 0;
        for (int i = 0; i < 4_000; i++) {
            Plan plan = generator.next();
            if (plan instanceof Plan.Reserve r) {
                Op invoke = history.invoke("c0", HistoryTerms.RESERVE, Map.of(HistoryTerms.KEY, r.key(), HistoryTerms.ROOM, r.roomId(), HistoryTerms.USER,
                        r.userId(), HistoryTerms.START, r.slot().start().toString(), HistoryTerms.END, r.slot().end().toString()));
                generator.observe(history.complete(invoke, OpType.OK, Map.of(HistoryTerms.ID, "res-" + r.key()), null));
                booked++;
            } else if (plan instanceof Plan.Cancel c) {
                assertThat(c.reservationId()).isEqualTo("res-" + c.key());
                assertThat(c.userId()).isEqualTo("u-ada");
                cancels++;
            }
        }
        assertThat(cancels / (double) booked).isBetween(0.42, 0.58);
    }

    @Test
    void placesContentionTrialsInConsecutiveDayLongWindowsAroundAMidnightInsideTheHorizon() {
        Instant base = Instant.parse("2030-03-03T00:00:00Z");
        TimeSlot first = CONTENTION.window(base, 1, 20);
        TimeSlot second = CONTENTION.window(base, 2, 20);

        assertThat(first).isEqualTo(new TimeSlot(Instant.parse("2030-03-02T12:00:00Z"), Instant.parse("2030-03-03T12:00:00Z")));
        assertThat(second.start()).isEqualTo(first.end());
        assertThat(CONTENTION.window(base, 500, 500).end()).isBeforeOrEqualTo(base.plus(Duration.ofDays(171)));
        assertThat(new WorkloadSettings(WorkloadSettings.Mode.SPREAD, 3, Duration.ofHours(4), 0.2, 0)
                .window(base, 1, 3).duration()).isEqualTo(Duration.ofDays(14));
    }
}
