package dev.reservation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FillDataDirTest {
    static final LocalDate TODAY = LocalDate.of(2027, 5, 10);

    @Test
    void plansExactlyTheNumberAskedWithoutOverlapsAndLeavesTakenRoomDaysAndTodaysFortnightAlone() {
        List<Reservation> plan = FillDataDir.plan(List.of("r-spree", "r-havel"), List.of("u-ada", "u-grace"),
                Set.of("r-spree|2027-05-18"), 1_000, TODAY);

        assertThat(plan).hasSize(1_000);
        assertThat(plan).noneMatch(r -> r.roomId().equals("r-spree")
                && LocalDate.ofInstant(r.slot().start(), ZoneOffset.UTC).equals(LocalDate.of(2027, 5, 18)));
        assertThat(plan).anyMatch(r -> r.roomId().equals("r-havel")
                && LocalDate.ofInstant(r.slot().start(), ZoneOffset.UTC).equals(LocalDate.of(2027, 5, 18)));
        assertThat(plan).noneMatch(r -> Math.abs(LocalDate.ofInstant(r.slot().start(), ZoneOffset.UTC).toEpochDay()
                - TODAY.toEpochDay()) <= FillDataDir.KEEP_DAYS);
        for (Reservation a : plan) {
            assertThat(plan).filteredOn(b -> b != a && b.roomId().equals(a.roomId()) && b.slot().overlaps(a.slot()))
                    .isEmpty();
        }
        assertThat(plan).extracting(Reservation::id).doesNotHaveDuplicates();
        assertThat(plan.stream().filter(r -> r.slot().start().isBefore(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant())))
                .as("days before today too").isNotEmpty();
    }
}
