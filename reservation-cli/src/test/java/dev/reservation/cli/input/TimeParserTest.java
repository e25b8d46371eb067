package dev.reservation.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.TimeSlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeParserTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final TimeParser times = new TimeParser(Clock.fixed(Instant.parse("2030-01-07T23:30:00Z"), ZoneOffset.UTC));

    @Test
    void readsIsoInstantsWithZOrAnOffsetRegardlessOfTheZone() {
        assertThat(times.instant("--start", "2030-01-08T09:00:00Z", NEW_YORK)).isEqualTo("2030-01-08T09:00:00Z");
        assertThat(times.instant("--start", "2030-01-08T09:00Z", NEW_YORK)).isEqualTo("2030-01-08T09:00:00Z");
        assertThat(times.instant("--start", "2030-01-08T10:00+01:00", NEW_YORK)).isEqualTo("2030-01-08T09:00:00Z");
        assertThat(times.instant("--start", "2030-01-08 04:00-05:00", BERLIN)).isEqualTo("2030-01-08T09:00:00Z");
    }

    @Test
    void readsLocalDateTimesAndDatesInTheGivenZone() {
        assertThat(times.instant("--start", "2030-01-08 10:00", BERLIN)).isEqualTo("2030-01-08T09:00:00Z");
        assertThat(times.instant("--start", "2030-01-08T10:00:30", BERLIN)).isEqualTo("2030-01-08T09:00:30Z");
        assertThat(times.instant("--start", "2030-07-08 10:00", BERLIN)).isEqualTo("2030-07-08T08:00:00Z");
        assertThat(times.instant("--from", "2030-01-08", NEW_YORK)).isEqualTo("2030-01-08T05:00:00Z");
    }

    @Test
    void readsNowTodayAndTomorrowFromTheClockInTheZonesOwnCalendar() {
        assertThat(times.instant("--at", "now", BERLIN)).isEqualTo("2030-01-07T23:30:00Z");
        // 23:30 UTC is already Tuesday in Berlin but still Monday in New York
        assertThat(times.instant("--at", "today 9:30", BERLIN)).isEqualTo("2030-01-08T08:30:00Z");
        assertThat(times.instant("--at", "Tomorrow 14:00", NEW_YORK)).isEqualTo("2030-01-08T19:00:00Z");
    }

    @Test
    void buildsASlotFromAnEndOnTheStartsDayOrFromADuration() {
        TimeSlot sameDay = times.slot("--start", "2030-01-08 10:00", "--end", Optional.of("11:30"), Optional.empty(),
                BERLIN);
        assertThat(sameDay).isEqualTo(new TimeSlot(Instant.parse("2030-01-08T09:00:00Z"),
                Instant.parse("2030-01-08T10:30:00Z")));
        TimeSlot timed = times.slot("--start", "2030-01-08T09:00:00Z", "--end", Optional.empty(),
                Optional.of(Duration.ofMinutes(45)), BERLIN);
        assertThat(timed.end()).isEqualTo("2030-01-08T09:45:00Z");
    }

    @Test
    void rejectsTextThatIsNoTimeNamingTheOptionAndTheAcceptedForms() {
        assertThatThrownBy(() -> times.instant("--start", "next monday", BERLIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("'next monday' given for --start is not a time;")
                .hasMessageContaining("Europe/Berlin")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("start");
        assertThatThrownBy(() -> times.instant("--start", "2030-02-30 10:00", BERLIN))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> times.instant("--end", " ", BERLIN)).hasMessage("--end must not be blank");
    }

    @Test
    void rejectsAnEndBeforeTheStartAndNeedsExactlyOneOfEndAndDuration() {
        assertThatThrownBy(() -> times.slot("--start", "2030-01-08 10:00", "--end", Optional.of("09:00"),
                Optional.empty(), BERLIN)).isInstanceOf(InvalidInputException.class)
                .hasMessage("--end must be after --start (Tue 8 Jan 2030, 09:00 Europe/Berlin is not after"
                        + " Tue 8 Jan 2030, 10:00 Europe/Berlin)");
        assertThatThrownBy(() -> times.slot("--start", "2030-01-08 10:00", "--end", Optional.empty(),
                Optional.empty(), BERLIN)).hasMessage("give either --end or --duration");
    }
}
