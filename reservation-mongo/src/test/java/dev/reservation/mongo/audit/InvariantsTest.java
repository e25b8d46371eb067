package dev.reservation.mongo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.mongo.audit.StoredState.StoredClaim;
import dev.reservation.mongo.audit.StoredState.StoredReservation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariant checker on hand-written stored states. */
class InvariantsTest {
    private static TimeSlot slot(String from, String to) {
        return new TimeSlot(Instant.parse("2031-03-03T" + from + ":00Z"), Instant.parse("2031-03-03T" + to + ":00Z"));
    }

    private static StoredReservation confirmed(String id, TimeSlot slot) {
        return new StoredReservation(id, "r1", "CONFIRMED", slot, null);
    }

    private static StoredClaim claim(String rid, TimeSlot slot) {
        return new StoredClaim("r1|2031-03-03", rid, slot);
    }

    @Test
    void aConsistentStateHolds() {
        StoredState state = new StoredState(List.of(confirmed("a", slot("10:00", "11:00")), confirmed("b", slot("11:00", "12:00"))),
                List.of(claim("a", slot("10:00", "11:00")), claim("b", slot("11:00", "12:00"))));
        assertThat(Invariants.check(state).violations()).isEmpty();
    }

    @Test
    void theStateTheStalledCommitPointBugLeftIsCaught() {
        // a CONFIRMED reservation whose claim was released, and a second one booked over it
        TimeSlot a = slot("10:00", "11:00");
        TimeSlot b = slot("10:30", "11:30");
        StoredState state = new StoredState(List.of(confirmed("a", a), confirmed("b", b)), List.of(claim("b", b)));
        assertThat(Invariants.check(state).violations()).containsExactlyInAnyOrder(
                "double booking in room r1: a " + a + " and b " + b,
                "confirmed reservation a " + a + " holds no claim in bucket r1|2031-03-03");
    }

    @Test
    void aConfirmedReservationWithoutItsClaimIsAViolationEvenBeforeAnyoneBooksOverIt() {
        StoredState state = new StoredState(List.of(confirmed("a", slot("10:00", "11:00"))), List.of());
        assertThat(Invariants.check(state).violations()).hasSize(1).first().asString().contains("holds no claim");
    }

    @Test
    void aLongReservationNeedsAClaimOnEveryDayItTouches() {
        TimeSlot overnight = new TimeSlot(Instant.parse("2031-03-03T22:00:00Z"), Instant.parse("2031-03-04T02:00:00Z"));
        StoredState state = new StoredState(List.of(confirmed("a", overnight)), List.of(new StoredClaim("r1|2031-03-03", "a", overnight)));
        assertThat(Invariants.check(state).violations()).containsExactly(
                "confirmed reservation a " + overnight + " holds no claim in bucket r1|2031-03-04");
    }

    @Test
    void overlappingClaimsInABucketAreAViolation() {
        StoredState state = new StoredState(List.of(), List.of(claim("a", slot("10:00", "11:00")), claim("b", slot("10:59", "12:00"))));
        assertThat(Invariants.check(state).violations()).containsExactly("overlapping claims in bucket r1|2031-03-03: a and b");
    }

    @Test
    void claimsOfCancelledAbandonedOrMissingReservationsAreLeftoversNotViolations() {
        StoredState state = new StoredState(List.of(new StoredReservation("c", "r1", "CANCELLED", slot("10:00", "11:00"), null),
                new StoredReservation("t", null, "ABANDONED", null, null)),
                List.of(claim("c", slot("10:00", "11:00")), claim("t", slot("12:00", "13:00")), claim("x", slot("14:00", "15:00"))));
        Invariants.Report report = Invariants.check(state);
        assertThat(report.holds()).isTrue();
        assertThat(report.leftovers()).hasSize(3);
    }

    @Test
    void cancelledReservationsMayOverlapAnything() {
        StoredState state = new StoredState(List.of(confirmed("a", slot("10:00", "11:00")),
                new StoredReservation("c", "r1", "CANCELLED", slot("10:00", "11:00"), null)),
                List.of(claim("a", slot("10:00", "11:00"))));
        assertThat(Invariants.check(state).holds()).isTrue();
    }
}
