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
import java.util.stream.IntStream;
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
}
