package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code reserve --every/--repeat} and {@code series show/cancel}; the harness clock is Monday 2030-01-07 08:00 UTC. */
class SeriesCliTest {
    CliHarness cli;

    @BeforeEach
    void seeded() {
        cli = new CliHarness(new TestStores());
        assertThat(cli.run("seed").exit()).isZero();
    }

    private Result weekly(String... extra) {
        List<String> args = new ArrayList<>(List.of("reserve", "--room", "Spree", "--user", "grace@example.com",
                "--start", "2030-01-14 09:00", "--duration", "1h", "--title", "Sync"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void everyMondayWithACountBooksThatManyAtTheSameLocalTime() {
        Result r = weekly("--every", "monday", "--count", "4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Booked. Series ").contains("ACTIVE").contains("FREQ=WEEKLY;BYDAY=MO;COUNT=4");
        assertThat(r.out().lines().filter(l -> l.contains("BOOKED CONFIRMED"))).hasSize(4)
                .allSatisfy(l -> assertThat(l).contains("09:00–10:00"));
    }

    @Test
    void anRruleAndJsonOutput() {
        Result r = weekly("--repeat", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode series = r.json().get("series");
        assertThat(series.get("occurrences")).hasSize(10);
        assertThat(series.get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void badRepeatOptionsAreExit2WithOneLine() {
        Result funday = weekly("--every", "funday");
        assertThat(funday.exit()).isEqualTo(2);
        assertThat(funday.errLine()).doesNotContain("\n").contains("--every takes");
        Result yearly = weekly("--repeat", "FREQ=YEARLY");
        assertThat(yearly.exit()).isEqualTo(2);
        assertThat(yearly.errLine()).contains("FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY");
        Result both = weekly("--every", "monday", "--until", "2030-03-01", "--count", "3");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.errLine()).contains("--until or --count");
        Result stray = weekly("--count", "3");
        assertThat(stray.exit()).isEqualTo(2);
        assertThat(stray.errLine()).contains("go with --every or --repeat");
    }

    @Test
    void aClashRefusesTheWholeSeriesUnlessConflictsAreSkipped() {
        assertThat(cli.run("reserve", "--room", "Spree", "--user", "alan@example.com", "--start", "2030-01-21 09:30",
                "--duration", "30m", "--title", "Alan's").exit()).isZero();
        Result refused = weekly("--every", "monday", "--until", "2030-02-04");
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).contains("none of them is booked");
        Result skipping = weekly("--every", "monday", "--until", "2030-02-04", "--skip-conflicts");
        assertThat(skipping.exit()).as(skipping.err()).isZero();
        assertThat(skipping.out().lines().filter(l -> l.contains("BOOKED CONFIRMED"))).hasSize(3);
        assertThat(skipping.out()).contains("2030-01-21").contains("SKIPPED");
    }

    @Test
    void showAndCancelADayThenTheWholeSeries() {
        String id = weekly("--every", "monday", "--count", "3", "--json").json().get("series").get("id").asText();
        Result show = cli.run("series", "show", id);
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains(id).contains("2030-01-21");
        Result day = cli.run("series", "cancel", id, "--day", "2030-01-21");
        assertThat(day.exit()).as(day.err()).isZero();
        assertThat(day.out().lines().filter(l -> l.contains("2030-01-21"))).singleElement()
                .satisfies(l -> assertThat(l).contains("CANCELLED"));
        Result all = cli.run("series", "cancel", id);
        assertThat(all.exit()).isZero();
        assertThat(all.out()).contains(": CANCELLED");
        assertThat(all.out().lines().filter(l -> l.contains("BOOKED CONFIRMED"))).isEmpty();
        assertThat(cli.run("series", "show", "nope").exit()).isEqualTo(3);
        assertThat(cli.run("series", "cancel", id, "--following").exit()).isEqualTo(2);
    }
}
