package dev.reservation.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {
    final MutableClock clock = MutableClock.atMonday();
    final VerifiedCredentials verified = new VerifiedCredentials(clock, Duration.ofSeconds(60));

    @Test
    void remembersAVerificationForAtMostItsTtl() {
        verified.remember("grace@example.com", "pw-12345678".toCharArray(), "u-grace");

        clock.advance(Duration.ofSeconds(59));
        assertThat(verified.userIdFor("grace@example.com", "pw-12345678".toCharArray())).contains("u-grace");
        clock.advance(Duration.ofSeconds(1));
        assertThat(verified.userIdFor("grace@example.com", "pw-12345678".toCharArray())).isEmpty();
    }

    @Test
    void knowsNothingOfAnotherPasswordOrEmail() {
        verified.remember("grace@example.com", "pw-12345678".toCharArray(), "u-grace");

        assertThat(verified.userIdFor("grace@example.com", "pw-12345679".toCharArray())).isEmpty();
        assertThat(verified.userIdFor("alan@example.com", "pw-12345678".toCharArray())).isEmpty();
        assertThat(verified.userIdFor("grace@example.co", "m:pw-12345678".toCharArray())).as("no ambiguity at the colon")
                .isEmpty();
    }

    @Test
    void forgetsEveryVerificationOfAUser() {
        verified.remember("grace@example.com", "pw-12345678".toCharArray(), "u-grace");
        verified.remember("GRACE@example.com", "pw-12345678".toCharArray(), "u-grace");
        verified.remember("alan@example.com", "pw-alan-123".toCharArray(), "u-alan");

        verified.forget("u-grace");

        assertThat(verified.userIdFor("grace@example.com", "pw-12345678".toCharArray())).isEmpty();
        assertThat(verified.userIdFor("GRACE@example.com", "pw-12345678".toCharArray())).isEmpty();
        assertThat(verified.userIdFor("alan@example.com", "pw-alan-123".toCharArray())).contains("u-alan");
    }

    @Test
    void staysBoundedUnderManyDistinctCredentials() {
        for (int i = 0; i < VerifiedCredentials.MAX_ENTRIES + 10; i++) {
            verified.remember("user" + i + "@example.com", "pw-12345678".toCharArray(), "u-" + i);
        }

        assertThat(verified.userIdFor("user" + (VerifiedCredentials.MAX_ENTRIES + 9) + "@example.com",
                "pw-12345678".toCharArray())).isPresent();
    }
}
