package dev.reservation.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.TimeSlot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TextOutputTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void tablesAlignColumnsToTheWidestCellAndShowAbsentValuesAsADash() {
        StringWriter text = new StringWriter();
        new TextTable("ID", "NAME").row("r-1", "Spree").row("r-auditorium", null).print(new PrintWriter(text), "none");
        assertThat(text.toString()).isEqualTo("ID            NAME\nr-1           Spree\nr-auditorium  -\n");
    }

    @Test
    void anEmptyTablePrintsWhatToSayInstead() {
        StringWriter text = new StringWriter();
        new TextTable("ID").print(new PrintWriter(text), "(no rooms)");
        assertThat(text.toString()).isEqualTo("(no rooms)\n");
    }

    @Test
    void slotsAreShownInTheRoomsZoneWithBothDatesOnlyWhenTheySpanDays() {
        TimeSlot morning = new TimeSlot(Instant.parse("2030-01-07T09:00:00Z"), Instant.parse("2030-01-07T10:30:00Z"));
        assertThat(Times.slot(morning, BERLIN)).isEqualTo("2030-01-07 10:00-11:30 Europe/Berlin");
        TimeSlot night = new TimeSlot(Instant.parse("2030-01-07T22:00:00Z"), Instant.parse("2030-01-08T01:00:00Z"));
        assertThat(Times.slot(night, BERLIN)).isEqualTo("2030-01-07 23:00 - 2030-01-08 02:00 Europe/Berlin");
    }

    @Test
    void durationsAreShownInAUnitPeopleRead() {
        assertThat(Times.duration(Duration.ofMillis(350))).isEqualTo("350 ms");
        assertThat(Times.duration(Duration.ofMillis(2400))).isEqualTo("2.4 s");
        assertThat(Times.duration(Duration.ofMinutes(3))).isEqualTo("3 min");
    }

    @Test
    void jsonKeepsAbsentFieldsAsNullAndFieldOrderAsGiven() {
        assertThat(Json.line(Json.object("b", 1, "a", null))).isEqualTo("{\"b\":1,\"a\":null}");
    }
}
