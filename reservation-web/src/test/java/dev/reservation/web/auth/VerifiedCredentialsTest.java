package dev.reservation.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.web.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void sixteenRequestsWithTheSameUnknownCredentialsPayForOneHash() throws Exception {
        AtomicInteger hashes = new AtomicInteger();
        CountDownLatch allWaiting = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> verified.verifyOnce("grace@example.com", "pw-12345678".toCharArray(), () -> {
                    hashes.incrementAndGet();
                    await(allWaiting);
                    return "u-grace";
                }, id -> id)));
            }
            Thread.sleep(200); // let every request reach the verification
            allWaiting.countDown();
            for (Future<String> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("u-grace");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hashes).as("requests that came while one verification ran wait for it").hasValueLessThan(16);
        assertThat(verified.userIdFor("grace@example.com", "pw-12345678".toCharArray())).contains("u-grace");
    }

    @Test
    void aFailedVerificationIsSharedByItsWaitersAndNotRemembered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> verified.verifyOnce("grace@example.com", "wrong-pass".toCharArray(),
                    () -> {
                        await(release);
                        throw new IllegalArgumentException("wrong password");
                    }, id -> id));
            Thread.sleep(100);
            Future<String> second = pool.submit(() -> verified.verifyOnce("grace@example.com", "wrong-pass".toCharArray(),
                    () -> "u-grace", id -> id));
            Thread.sleep(100);
            release.countDown();
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(verified.userIdFor("grace@example.com", "wrong-pass".toCharArray())).isEmpty();
        assertThat(verified.verifyOnce("grace@example.com", "wrong-pass".toCharArray(), () -> "u-x", id -> id))
                .as("the next attempt verifies again").isEqualTo("u-x");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
