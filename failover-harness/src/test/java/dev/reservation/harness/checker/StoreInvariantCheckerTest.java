package dev.reservation.harness.checker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.mongo.audit.StoredState;
import dev.reservation.mongo.audit.StoredState.StoredClaim;
import dev.reservation.mongo.audit.StoredState.StoredReservation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's wiring of reservation-mongo's Invariants: hand-written raw states become failed or passed checks. */
class StoreInvariantCheckerTest {
    private static TimeSlot slot(String from, String to) {
        return new TimeSlot(Instant.parse("2031-03-03T" + from + ":00Z"), Instant.parse("2031-03-03T" + to + ":00Z"));
    }

    private static StoredReservation confirmed(String id, TimeSlot slot) {
        return new StoredReservation(id, "r-spree", "CONFIRMED", slot, "k-" + id);
    }

    private static StoredClaim claim(String rid, TimeSlot slot) {
        return new StoredClaim("r-spree|2031-03-03", rid, slot);
    }

    @Test
    void theStateTheStalledCommitPointBugLeftIsAFailedCheckNamingBothReservations() {
        // a CONFIRMED reservation whose claim was released, and a second one booked over it
        TimeSlot a = slot("10:00", "11:00");
        TimeSlot b = slot("10:30", "11:30");
        StoredState state = new StoredState(List.of(confirmed("res-a", a), confirmed("res-b", b)), List.of(claim("res-b", b)));

        StoreInvariantChecker.Result result = new StoreInvariantChecker().check(state);

        assertThat(result.check().checker()).isEqualTo(StoreInvariantChecker.NAME);
        assertThat(result.check().valid()).isFalse();
        assertThat(result.check().violations()).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("double booking in room r-spree").contains("res-a").contains("res-b"))
                .anySatisfy(v -> assertThat(v).contains("res-a").contains("holds no claim"));
        assertThat(result.check().counts()).containsEntry("confirmed", 2L).containsEntry("claims", 1L);
    }

    @Test
    void leftoverClaimsAreCountedWithExamplesButAreNoViolation() {
        StoredState state = new StoredState(List.of(confirmed("res-a", slot("10:00", "11:00")),
                new StoredReservation("res-c", "r-spree", "CANCELLED", slot("12:00", "13:00"), "k-c"),
                new StoredReservation("res-t", null, "ABANDONED", null, null)),
                List.of(claim("res-a", slot("10:00", "11:00")), claim("res-c", slot("12:00", "13:00")),
                        claim("res-t", slot("14:00", "15:00"))));

        StoreInvariantChecker.Result result = new StoreInvariantChecker().check(state);

        assertThat(result.check().valid()).isTrue();
        assertThat(result.leftovers()).isEqualTo(2);
        assertThat(result.leftoverExamples()).anySatisfy(e -> assertThat(e).contains("res-c").contains("CANCELLED"));
        assertThat(result.check().counts()).containsEntry("leftoverClaims", 2L).containsEntry("tombstones", 1L);
    }

    @Test
    void overlappingClaimsInABucketFailTheCheck() {
        StoredState state = new StoredState(List.of(), List.of(claim("x", slot("10:00", "11:00")), claim("y", slot("10:30", "11:00"))));

        assertThat(new StoreInvariantChecker().check(state).check().violations())
                .singleElement().asString().contains("overlapping claims");
    }
}
