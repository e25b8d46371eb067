package dev.reservation.harness.checker;

import static dev.reservation.harness.history.HandWritten.history;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.history.Op;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LostWriteCheckerTest {
    private static final String A = "2030-01-01T10:00:00Z", B = "2030-01-01T10:15:00Z", C = "2030-01-01T10:30:00Z";
    private final LostWriteChecker checker = new LostWriteChecker();

    private static StoredReservation stored(String id, String key, String start, String end, String status) {
        return new StoredReservation(id, key, "r-spree", new TimeSlot(Instant.parse(start), Instant.parse(end)), status);
    }

    private static StoredReservation stored(String id, String key, String start, String end) {
        return new StoredReservation(id, key, "r-spree", new TimeSlot(Instant.parse(start), Instant.parse(end)), "CONFIRMED");
    }

    @Test
    void catchesAnAcknowledgedReservationMissingFromTheFinalState() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B).ok(3, "c0", "res-1")
                .reserve(5, "c1", "k-2", "r-spree", B, C).ok(9, "c1", "res-2")
                .ops();

        CheckResult result = checker.check(ops, List.of(stored("res-1", "k-1", A, B)), "k-");

        assertThat(result.valid()).isFalse();
        assertThat(result.violations()).singleElement().asString()
                .contains("lost write").contains("res-2").contains("k-2");
    }

    @Test
    void passesWhenEveryAcknowledgedReservationIsStored() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B).ok(3, "c0", "res-1")
                .reserve(1, "c1", "k-2", "r-spree", A, B).conflict(4, "c1")
                .ops();

        CheckResult result = checker.check(ops, List.of(stored("res-1", "k-1", A, B)), "k-");

        assertThat(result.valid()).isTrue();
        assertThat(result.counts()).containsEntry("ok", 1L).containsEntry("conflict", 1L).containsEntry("failed", 0L);
    }

    @Test
    void catchesAFailedReservationThatWasStoredAnyway() {
        List<Op> ops = history().reserve(0, "c0", "k-1", "r-spree", A, B).unavailable(40, "c0").ops();

        CheckResult result = checker.check(ops, List.of(stored("res-9", "k-1", A, B)), "k-");

        assertThat(result.violations()).singleElement().asString().contains("failed write took effect").contains("res-9");
    }

    @Test
    void acceptsAnUnknownOutcomeEitherWayAndCountsHowItWent() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B).unknown(10, "c0")
                .reserve(11, "c0", "k-2", "r-spree", B, C).unknown(20, "c0")
                .ops();

        CheckResult result = checker.check(ops, List.of(stored("res-1", "k-1", A, B)), "k-");

        assertThat(result.valid()).isTrue();
        assertThat(result.counts()).containsEntry("unknownApplied", 1L).containsEntry("unknownNotApplied", 1L);
    }

    @Test
    void treatsAnInvocationThatNeverCompletedAsUnknown() {
        List<Op> ops = history().reserve(0, "c0", "k-1", "r-spree", A, B).ops();

        assertThat(checker.check(ops, List.of(stored("res-1", "k-1", A, B)), "k-").valid()).isTrue();
        assertThat(checker.check(ops, List.of(), "k-").valid()).isTrue();
    }

    @Test
    void catchesOneIdempotencyKeyStoredTwice() {
        List<Op> ops = history().reserve(0, "c0", "k-1", "r-spree", A, B).ok(3, "c0", "res-1").ops();

        CheckResult result = checker.check(ops,
                List.of(stored("res-1", "k-1", A, B), stored("res-1b", "k-1", B, C)), "k-");

        assertThat(result.violations()).anyMatch(v -> v.contains("stored 2 times"));
    }

    @Test
    void catchesAStoredReservationUnderThisRunsKeysThatNoClientSent() {
        CheckResult result = checker.check(List.of(), List.of(stored("res-x", "k-77", A, B)), "k-");

        assertThat(result.violations()).singleElement().asString().contains("no client of this run sent");
    }

    @Test
    void ignoresReservationsOfOtherRuns() {
        CheckResult result = checker.check(List.of(), List.of(stored("res-x", "other-1", A, B),
                stored("res-y", null, B, C)), "k-");

        assertThat(result.valid()).isTrue();
    }

    @Test
    void countsA409ConflictApartFromFailuresAndUnknownOutcomes() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B).conflict(3, "c0")
                .reserve(4, "c0", "k-2", "r-spree", A, B).unavailable(9, "c0")
                .reserve(10, "c0", "k-3", "r-spree", B, C).unknown(19, "c0")
                .ops();

        CheckResult result = checker.check(ops, List.of(), "k-");

        assertThat(result.valid()).isTrue();
        assertThat(result.counts()).containsEntry("conflict", 1L).containsEntry("failed", 1L)
                .containsEntry("unknown", 1L).containsEntry("unknownNotApplied", 1L);
    }

    @Test
    void catchesAnAcknowledgedCancellationThatDidNotLand() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B).ok(3, "c0", "res-1")
                .cancel(5, "c0", "res-1", "k-1", "r-spree", A, B).cancelled(8, "c0")
                .ops();

        CheckResult result = checker.check(ops, List.of(stored("res-1", "k-1", A, B, "CONFIRMED")), "k-");

        assertThat(result.violations()).singleElement().asString().contains("lost cancellation").contains("res-1");
        assertThat(checker.check(ops, List.of(stored("res-1", "k-1", A, B, "CANCELLED")), "k-").counts())
                .containsEntry("cancelOk", 1L);
    }

    @Test
    void catchesAFailedCancellationThatTookEffect() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B).ok(3, "c0", "res-1")
                .cancel(5, "c0", "res-1", "k-1", "r-spree", A, B).cancelFailed(8, "c0")
                .ops();

        CheckResult result = checker.check(ops, List.of(stored("res-1", "k-1", A, B, "CANCELLED")), "k-");

        assertThat(result.violations()).singleElement().asString().contains("failed cancellation took effect");
        assertThat(checker.check(ops, List.of(stored("res-1", "k-1", A, B, "CONFIRMED")), "k-").valid()).isTrue();
    }

    @Test
    void acceptsAnUnknownCancellationEitherWayAndCountsHowItWent() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B).ok(3, "c0", "res-1")
                .cancel(5, "c0", "res-1", "k-1", "r-spree", A, B).cancelUnknown(8, "c0")
                .ops();

        assertThat(checker.check(ops, List.of(stored("res-1", "k-1", A, B, "CANCELLED")), "k-").counts())
                .containsEntry("cancelUnknownApplied", 1L);
        assertThat(checker.check(ops, List.of(stored("res-1", "k-1", A, B, "CONFIRMED")), "k-").counts())
                .containsEntry("cancelUnknownNotApplied", 1L);
    }

    @Test
    void catchesAReservationCancelledThoughNoClientCancelledIt() {
        List<Op> ops = history().reserve(0, "c0", "k-1", "r-spree", A, B).ok(3, "c0", "res-1").ops();

        assertThat(checker.check(ops, List.of(stored("res-1", "k-1", A, B, "CANCELLED")), "k-").violations())
                .singleElement().asString().contains("no client cancelled it");
    }
}
