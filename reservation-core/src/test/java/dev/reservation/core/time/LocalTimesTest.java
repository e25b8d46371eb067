package dev.reservation.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The examples people meet: Berlin's 2027 changes (28 Mar, 31 Oct), and messages to the minute. */
class LocalTimesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void refusesATimeInTheSpringGap() {
        assertThatThrownBy(() -> LocalTimes.resolve("start", LocalDateTime.parse("2027-03-28T02:30"), BERLIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("2027-03-28 02:30 does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00");
        assertThatThrownBy(() -> LocalTimes.resolve("end", LocalDateTime.parse("2027-03-28T02:00"), BERLIN))
                .hasMessageContaining("02:00 does not exist");
        assertThat(LocalTimes.resolve("end", LocalDateTime.parse("2027-03-28T03:00"), BERLIN))
                .isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void refusesAnAmbiguousAutumnTimeNamingBothAndTakesAnOffset() {
        LocalDateTime twice = LocalDateTime.parse("2027-10-31T02:30");
        assertThatThrownBy(() -> LocalTimes.resolve("start", twice, BERLIN))
                .hasMessage("2027-10-31 02:30 happens twice in Europe/Berlin (clocks go back that night):"
                        + " 02:30+02:00 (CEST) or 02:30+01:00 (CET); give an offset to say which");
        assertThat(LocalTimes.resolve("start", twice, BERLIN, ZoneOffset.ofHours(2)))
                .isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(LocalTimes.resolve("start", twice, BERLIN, ZoneOffset.ofHours(1)))
                .isEqualTo(Instant.parse("2027-10-31T01:30:00Z"));
        assertThatThrownBy(() -> LocalTimes.resolve("start", twice, BERLIN, ZoneOffset.ofHours(3)))
                .hasMessageContaining("2027-10-31 02:30+03:00 is not a time in Europe/Berlin");
    }

    @Test
    void parsesInstantsAndLocalTimesAndSaysWhichItRead() {
        LocalTimes.Reading instant = LocalTimes.parse("start", "2027-05-30T08:00:00Z", BERLIN);
        LocalTimes.Reading local = LocalTimes.parse("start", "2027-05-30 10:00", BERLIN);
        LocalTimes.Reading chosen = LocalTimes.parse("start", "2027-10-31T02:30+01:00", BERLIN);

        assertThat(instant.local()).isFalse();
        assertThat(local.local()).isTrue();
        assertThat(local.instant()).isEqualTo(instant.instant());
        assertThat(chosen.instant()).isEqualTo(Instant.parse("2027-10-31T01:30:00Z"));
        assertThatThrownBy(() -> LocalTimes.parse("start", "2027-10-31T02:30+05:00", BERLIN))
                .hasMessageContaining("is not a time in Europe/Berlin");
        assertThatThrownBy(() -> LocalTimes.parse("start", "2027-05-30T10:00", null))
                .hasMessageContaining("has no offset");
        assertThatThrownBy(() -> LocalTimes.parse("start", "tomorrow", BERLIN))
                .hasMessageContaining("'tomorrow' is not one");
    }

    @Test
    void formatsToTheMinuteInTheNamedZone() {
        Instant at = Instant.parse("2027-05-30T08:00:59.999999999Z");
        assertThat(TimeText.moment(at, BERLIN)).isEqualTo("Sun 30 May 2027, 10:00 Europe/Berlin");
        assertThat(TimeText.momentForViewer(at, BERLIN, LONDON))
                .isEqualTo("Sun 30 May 2027, 10:00 Europe/Berlin (09:00 your time, Europe/London)");
        assertThat(TimeText.momentForViewer(at, BERLIN, ZoneId.of("Europe/Paris")))
                .as("same wall clock: said once").isEqualTo("Sun 30 May 2027, 10:00 Europe/Berlin");
        TimeSlot slot = new TimeSlot(Instant.parse("2027-05-30T14:00:00Z"), Instant.parse("2027-05-30T15:00:00Z"));
        assertThat(TimeText.slotForViewer(slot, NEW_YORK, LONDON))
                .isEqualTo("Sun 30 May 2027, 10:00–11:00 (America/New_York; 15:00–16:00 your time, Europe/London)");
        TimeSlot night = new TimeSlot(Instant.parse("2027-05-30T21:00:00Z"), Instant.parse("2027-05-30T23:00:00Z"));
        assertThat(TimeText.slot(night, BERLIN)).isEqualTo("Sun 30 May 2027, 23:00–Mon 31 May 2027 01:00 (Europe/Berlin)");
    }
}
