package dev.reservation.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void makesTwentyFourHexCharactersStartingWithTheSecond() {
        String id = new TimeOrderedIds(CLOCK, new SecureRandom()).newId();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(Long.parseLong(id.substring(0, 8), 16)).isEqualTo(CLOCK.instant().getEpochSecond());
    }

    @Test
    void neverRepeatsWithinOneSecondAcrossThreads() throws Exception {
        IdGenerator ids = new TimeOrderedIds(CLOCK, new SecureRandom());
        List<List<String>> made = dev.reservation.core.store.Concurrently.run(4,
                t -> java.util.stream.IntStream.range(0, 50_000).mapToObj(i -> ids.newId()).toList());
        Set<String> all = new HashSet<>();
        made.forEach(all::addAll);
        assertThat(all).hasSize(200_000);
    }

    @Test
    void twoGeneratorsDifferInTheirProcessPart() {
        String a = new TimeOrderedIds(CLOCK, new SecureRandom()).newId();
        String b = new TimeOrderedIds(CLOCK, new SecureRandom()).newId();
        assertThat(a.substring(8, 18)).isNotEqualTo(b.substring(8, 18));
    }
}
