package dev.reservation.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecurrenceTest {
    private static final LocalDate FRIDAY = LocalDate.of(2027, 1, 1);

    @Test
    void theSecondTuesdayOfEachMonth() {
        assertThat(Recurrence.parse("repeat", "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=3").dates(FRIDAY, LocalTime.of(9, 0),
                FRIDAY.plusYears(1))).containsExactly(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 9),
                LocalDate.of(2027, 3, 9));
    }

    @Test
    void untilIsADayIncludedAndTheNormalFormKeepsIt() {
        Recurrence r = Recurrence.parse("repeat", "freq=weekly;byday=fr;until=20270115");
        assertThat(r.text()).isEqualTo("FREQ=WEEKLY;BYDAY=FR;UNTIL=20270115");
        assertThat(r.untilDay()).contains(LocalDate.of(2027, 1, 15));
        assertThat(r.openEnded()).isFalse();
        assertThat(r.dates(FRIDAY, LocalTime.of(9, 0), FRIDAY.plusYears(1)))
                .containsExactly(FRIDAY, FRIDAY.plusWeeks(1), FRIDAY.plusWeeks(2));
    }

    @Test
    void countCountsFromTheFirstDayWhateverWindowIsAsked() {
        Recurrence r = Recurrence.parse("repeat", "FREQ=DAILY;COUNT=5");
        assertThat(r.dates(FRIDAY, LocalTime.NOON, FRIDAY.plusDays(3), FRIDAY.plusDays(30)))
                .containsExactly(FRIDAY.plusDays(3), FRIDAY.plusDays(4));
        assertThat(Recurrence.parse("repeat", "FREQ=DAILY").openEnded()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FREQ=YEARLY|FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY",
            "FREQ=WEEKLY;BYHOUR=9|BYHOUR is not supported",
            "FREQ=WEEKLY;COUNT=3;UNTIL=20270101|COUNT or UNTIL, not both",
            "FREQ=WEEKLY;BYDAY=2TU|goes with FREQ=MONTHLY only",
            "FREQ=WEEKLY;BYDAY=XX|'XX' is not one",
            "FREQ=WEEKLY;BYMONTHDAY=3|BYMONTHDAY goes with FREQ=MONTHLY only",
            "FREQ=DAILY;COUNT=0|COUNT must be a whole number from 1 to 500",
            "FREQ=DAILY;INTERVAL=x|INTERVAL must be a whole number",
            "FREQ=DAILY;UNTIL=20270101T090000Z|times of a series are in the room's zone",
            "FREQ=DAILY;UNTIL=2027-01-01|UNTIL must be a date such as 20270301",
            "FREQ=DAILY;FREQ=WEEKLY|FREQ appears twice",
            "COUNT|is not NAME=VALUE"})
    void aBadRuleIsRefusedSayingWhy(String rule, String message) {
        assertThatThrownBy(() -> Recurrence.parse("repeat", rule)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("repeat"));
    }

    @Test
    void tooManyOccurrencesAtOnceAreRefused() {
        assertThatThrownBy(() -> Recurrence.parse("repeat", "FREQ=DAILY").dates(FRIDAY, LocalTime.NOON,
                FRIDAY.plusYears(3))).isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 500");
    }
}
