package dev.reservation.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealerTest {
    private final MutableClock clock = MutableClock.atMonday();
    private final Sealer sealer = new Sealer("client-secret".getBytes(StandardCharsets.UTF_8), clock);

    @Test
    void opensWhatItSealedWithoutShowingIt() {
        String sealed = sealer.seal("p", Map.of("secret-claim", "the-verifier-value"), Duration.ofMinutes(10));

        assertThat(sealed).doesNotContain("the-verifier-value");
        assertThat(sealer.open("p", sealed).orElseThrow().getClaim("secret-claim")).isEqualTo("the-verifier-value");
    }

    @Test
    void anotherInstanceWithTheSameClientSecretOpensIt() {
        Sealer other = new Sealer("client-secret".getBytes(StandardCharsets.UTF_8), clock);

        assertThat(other.open("p", sealer.seal("p", Map.of("a", "b"), Duration.ofMinutes(1)))).isPresent();
    }

    @Test
    void refusesAnotherKeyAnotherPurposeAChangeAndGarbage() {
        String sealed = sealer.seal("p", Map.of("a", "b"), Duration.ofMinutes(1));
        Sealer otherKey = new Sealer("another-secret".getBytes(StandardCharsets.UTF_8), clock);
        String[] parts = sealed.split("\\.", -1);
        String[] tag = parts.clone(); // the tag's first character: all six of its bits count (the last one's do not)
        tag[4] = (tag[4].charAt(0) == 'A' ? 'B' : 'A') + tag[4].substring(1);
        String changed = String.join(".", tag);
        parts[3] = parts[3].substring(1) + parts[3].charAt(0); // the ciphertext reordered

        assertThat(otherKey.open("p", sealed)).isEmpty();
        assertThat(sealer.open("q", sealed)).isEmpty();
        assertThat(sealer.open("p", changed)).isEmpty();
        assertThat(sealer.open("p", String.join(".", parts))).isEmpty();
        assertThat(sealer.open("p", "not-a-jwe")).isEmpty();
        assertThat(sealer.open("p", null)).isEmpty();
        assertThat(sealer.open("p", "")).isEmpty();
    }

    @Test
    void refusesItOnceExpiredByTheAppsClock() {
        String sealed = sealer.seal("p", Map.of("a", "b"), Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(9));
        assertThat(sealer.open("p", sealed)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sealer.open("p", sealed)).isEmpty();
    }
}
