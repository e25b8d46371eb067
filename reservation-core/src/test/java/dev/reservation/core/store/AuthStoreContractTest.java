package dev.reservation.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.SessionStore.StoredSession;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.auth.SignInAttemptStore.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store's sessions and sign-in counters must do; each store module extends it. */
public abstract class AuthStoreContractTest {
    private static final Instant T0 = Instant.parse("2031-01-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    /** Fresh, empty stores; {@link #sameStoreAgain} then opens a second instance onto the same data. */
    protected abstract SessionStore newSessionStore();

    protected abstract SignInAttemptStore newAttemptStore();

    /** The attempt store of {@link #newAttemptStore()} as another process would open it. */
    protected abstract SignInAttemptStore sameStoreAgain();

    private SessionStore sessions;
    private SignInAttemptStore attempts;

    @BeforeEach
    void fresh() {
        sessions = newSessionStore();
        attempts = newAttemptStore();
    }

    private static StoredSession session(String digest, String user) {
        return new StoredSession(digest, user, T0, T0, T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void keepsASessionUnderItsDigestAndRecordsItsUse() {
        sessions.insert(session("d1", "u1"));
        sessions.touch("d1", T0.plusSeconds(90), T0.plus(Duration.ofMinutes(31)));
        StoredSession s = sessions.find("d1").orElseThrow();
        assertThat(s.userId()).isEqualTo("u1");
        assertThat(s.createdAt()).isEqualTo(T0);
        assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(90));
        assertThat(s.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(31)));
        assertThat(sessions.find("d2")).isEmpty();
    }

    @Test
    void endsOneSessionOrEveryOneOfAUserButTheOneKept() {
        sessions.insert(session("a", "u1"));
        sessions.insert(session("b", "u1"));
        sessions.insert(session("c", "u1"));
        sessions.insert(session("x", "u2"));
        sessions.delete("a");
        sessions.deleteAllOf("u1", "c");
        assertThat(sessions.find("a")).isEmpty();
        assertThat(sessions.find("b")).isEmpty();
        assertThat(sessions.find("c")).isPresent();
        assertThat(sessions.find("x")).isPresent();
        sessions.deleteAllOf("u1", null);
        assertThat(sessions.find("c")).isEmpty();
    }

    @Test
    void countsFailuresWithinTheWindowAndStartsAgainAfterIt() {
        assertThat(attempts.recordFailure("account:a", T0, WINDOW)).isEqualTo(new Failures(T0, 1));
        assertThat(attempts.recordFailure("account:a", T0.plusSeconds(60), WINDOW).count()).isEqualTo(2);
        assertThat(attempts.find("account:a")).contains(new Failures(T0, 2));
        assertThat(attempts.recordFailure("account:a", T0.plus(WINDOW).plusSeconds(1), WINDOW))
                .isEqualTo(new Failures(T0.plus(WINDOW).plusSeconds(1), 1));
        attempts.clear("account:a");
        assertThat(attempts.find("account:a")).isEmpty();
        assertThat(attempts.find("address:10.0.0.1")).isEmpty();
    }

    @Test
    void countsEveryConcurrentFailureFromEveryInstance() throws Exception {
        SignInAttemptStore other = sameStoreAgain();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Failures>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SignInAttemptStore s = i % 2 == 0 ? attempts : other;
            tasks.add(() -> s.recordFailure("address:10.0.0.9", T0, WINDOW));
        }
        for (Future<Failures> f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();
        assertThat(attempts.find("address:10.0.0.9").orElseThrow().count()).isEqualTo(40);
    }
}
