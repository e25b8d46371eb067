package dev.reservation.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.memory.InMemoryQuotaStore;
import dev.reservation.core.memory.InMemoryRoomOperationsStore;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.QuotaStore;
import dev.reservation.core.ops.RoomOperations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Quota rules and room settings: cached for a bounded time, this process's own writes seen at once. */
class CachedOperationsStoresTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aQuotaRuleChangedByAnotherInstanceAppliesWithinTheTtlAndOwnChangesAtOnce() {
        AtomicLong reads = new AtomicLong();
        InMemoryQuotaStore shared = new InMemoryQuotaStore();
        QuotaStore counting = new QuotaStore() {
            public Optional<QuotaRule> find(String scope) {
                reads.incrementAndGet();
                return shared.find(scope);
            }

            public void put(QuotaRule rule) {
                shared.put(rule);
            }

            public void remove(String scope) {
                shared.remove(scope);
            }

            public List<QuotaRule> all() {
                return shared.all();
            }
        };
        CachedQuotaStore cached = new CachedQuotaStore(counting, Duration.ofSeconds(2), nanos::get);
        cached.put(new QuotaRule(QuotaRule.GLOBAL, Optional.of(600L), Optional.empty()));
        for (int i = 0; i < 50; i++) {
            assertThat(cached.find(QuotaRule.GLOBAL).orElseThrow().minutesPerWeek()).contains(600L);
        }
        assertThat(reads).as("one read for fifty bookings").hasValue(1);

        shared.put(new QuotaRule(QuotaRule.GLOBAL, Optional.of(60L), Optional.empty())); // another instance
        nanos.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(cached.find(QuotaRule.GLOBAL).orElseThrow().minutesPerWeek()).as("within the bound").contains(600L);
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(cached.find(QuotaRule.GLOBAL).orElseThrow().minutesPerWeek()).as("after it").contains(60L);

        cached.remove(QuotaRule.GLOBAL);
        assertThat(cached.find(QuotaRule.GLOBAL)).as("own write: at once").isEmpty();
        assertThat(cached.all()).isEmpty();
    }

    @Test
    void aRotatedDisplayTokenStopsWorkingHereAtOnceAndElsewhereWithinTheTtl() {
        InMemoryRoomOperationsStore shared = new InMemoryRoomOperationsStore();
        CachedRoomOperationsStore here = new CachedRoomOperationsStore(shared, Duration.ofSeconds(2), nanos::get);
        CachedRoomOperationsStore elsewhere = new CachedRoomOperationsStore(shared, Duration.ofSeconds(2), nanos::get);
        here.put(settings("hash-1"));
        assertThat(elsewhere.find("r1").orElseThrow().displayTokenHash()).isEqualTo("hash-1");

        here.put(settings("hash-2"));

        assertThat(here.find("r1").orElseThrow().displayTokenHash()).isEqualTo("hash-2");
        assertThat(elsewhere.find("r1").orElseThrow().displayTokenHash()).as("stale, within the bound").isEqualTo("hash-1");
        nanos.addAndGet(Duration.ofMillis(2001).toNanos());
        assertThat(elsewhere.find("r1").orElseThrow().displayTokenHash()).isEqualTo("hash-2");
        assertThat(elsewhere.all()).hasSize(1);
    }

    private static RoomOperations settings(String tokenHash) {
        return new RoomOperations("r1", false, Set.of(), null, null, false, tokenHash);
    }
}
