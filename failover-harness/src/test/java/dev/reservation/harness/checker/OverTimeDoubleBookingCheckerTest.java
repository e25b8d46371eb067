package dev.reservation.harness.checker;

import static dev.reservation.harness.history.HandWritten.history;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.harness.history.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverTimeDoubleBookingCheckerTest {
    private static final String A = "2030-01-01T10:00:00Z", B = "2030-01-01T10:30:00Z", C = "2030-01-01T11:00:00Z",
            AB = "2030-01-01T10:15:00Z";
    private final OverTimeDoubleBookingChecker checker = new OverTimeDoubleBookingChecker();

    @Test
    void catchesTwoOverlappingBookingsBothAcknowledgedEvenIfOneIsCancelledLater() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s0").ok(10, "c0", "res-1")
                .reserve(20, "c1", "k-2", "r-spree", AB, C, "s1").ok(30, "c1", "res-2")
                .cancel(40, "c0", "res-1", "k-1", "r-spree", A, B).cancelled(50, "c0")
                .ops();

        CheckResult result = checker.check(ops);

        assertThat(result.valid()).isFalse();
        assertThat(result.violations()).singleElement().asString()
                .contains("double booking in room r-spree").contains("res-1").contains("res-2")
                .contains("c1 via s1").contains("from 0.030 s to 0.040 s");
    }

    @Test
    void acceptsAnOverlappingBookingAcknowledgedAfterTheFirstWasBeingCancelled() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s0").ok(10, "c0", "res-1")
                .cancel(20, "c0", "res-1", "k-1", "r-spree", A, B).cancelled(25, "c0")
                .reserve(22, "c1", "k-2", "r-spree", AB, C, "s1").ok(30, "c1", "res-2")
                .ops();

        assertThat(checker.check(ops).valid()).isTrue();
    }

    @Test
    void aFailedCancellationDoesNotEndTheHold() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s0").ok(10, "c0", "res-1")
                .cancel(20, "c0", "res-1", "k-1", "r-spree", A, B).cancelFailed(25, "c0")
                .reserve(22, "c1", "k-2", "r-spree", AB, C, "s1").ok(30, "c1", "res-2")
                .ops();

        assertThat(checker.check(ops).violations()).singleElement().asString().contains("the end of the trial");
    }

    @Test
    void backToBackSlotsAndOtherRoomsDoNotConflict() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s0").ok(10, "c0", "res-1")
                .reserve(1, "c1", "k-2", "r-spree", B, C, "s1").ok(11, "c1", "res-2")
                .reserve(2, "c2", "k-3", "r-havel", A, C, "s0").ok(12, "c2", "res-3")
                .ops();

        assertThat(checker.check(ops).valid()).isTrue();
        assertThat(checker.check(ops).counts()).containsEntry("acknowledged", 3L);
    }
}
