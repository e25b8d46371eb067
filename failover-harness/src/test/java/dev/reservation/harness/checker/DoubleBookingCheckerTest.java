package dev.reservation.harness.checker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoubleBookingCheckerTest {
    private final DoubleBookingChecker checker = new DoubleBookingChecker();

    private static StoredReservation r(String id, String room, String start, String end, boolean confirmed) {
        return new StoredReservation(id, "k-" + id, room,
                new TimeSlot(Instant.parse("2030-01-01T" + start + ":00Z"), Instant.parse("2030-01-01T" + end + ":00Z")),
                confirmed ? "CONFIRMED" : "CANCELLED");
    }

    @Test
    void catchesTwoConfirmedReservationsOfOneRoomThatOverlap() {
        CheckResult result = checker.check(List.of(
                r("a", "r-spree", "10:00", "10:30", true),
                r("b", "r-spree", "10:15", "10:45", true)));

        assertThat(result.valid()).isFalse();
        assertThat(result.violations()).singleElement().asString()
                .contains("double booking in room r-spree").contains("a").contains("b");
    }

    @Test
    void catchesAnOverlapHiddenBehindAShortReservationInBetween() {
        CheckResult result = checker.check(List.of(
                r("long", "r-spree", "09:00", "12:00", true),
                r("short", "r-spree", "09:30", "09:45", true),
                r("late", "r-spree", "11:00", "11:30", true)));

        assertThat(result.violations()).hasSize(2).allMatch(v -> v.contains("long"));
    }

    @Test
    void acceptsBackToBackReservations() {
        CheckResult result = checker.check(List.of(
                r("a", "r-spree", "10:00", "10:30", true),
                r("b", "r-spree", "10:30", "11:00", true)));

        assertThat(result.valid()).isTrue();
        assertThat(result.counts()).containsEntry("confirmed", 2L);
    }

    @Test
    void acceptsOverlapsInDifferentRoomsOrWithCancelledReservations() {
        CheckResult result = checker.check(List.of(
                r("a", "r-spree", "10:00", "10:30", true),
                r("b", "r-havel", "10:00", "10:30", true),
                r("c", "r-spree", "10:00", "10:30", false)));

        assertThat(result.valid()).isTrue();
    }
}
