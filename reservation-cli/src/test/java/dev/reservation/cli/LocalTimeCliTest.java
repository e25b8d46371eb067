package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.cli.CliHarness.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code reserve} with local times around Berlin's daylight-saving changes in 2030 (31 Mar, 27 Oct). */
class LocalTimeCliTest {
    CliHarness cli;

    @BeforeEach
    void seeded() {
        cli = new CliHarness(new TestStores());
        assertThat(cli.run("seed").exit()).isZero();
    }

    @Test
    void refusesALocalTimeThatDoesNotExist() {
        Result r = cli.run("reserve", "--room", "Spree", "--user", "grace@example.com",
                "--start", "2030-03-31 02:30", "--end", "04:00", "--title", "Gap");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("2030-03-31 02:30 does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00");
    }

    @Test
    void namesBothChoicesForAnAmbiguousTimeAndTakesAnOffset() {
        Result twice = cli.run("reserve", "--room", "Spree", "--user", "grace@example.com",
                "--start", "2030-03-31 01:00", "--end", "01:30", "--title", "Not ambiguous");
        assertThat(twice.exit()).isZero();
        // the autumn change is past the 180-day horizon of the harness clock: the parser refuses before the policy
        Result refused = cli.run("reserve", "--room", "Spree", "--user", "grace@example.com",
                "--start", "2030-10-27 02:30", "--end", "03:30", "--title", "Twice");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("02:30 happens twice in Europe/Berlin")
                .contains("02:30+02:00 (CEST) or 02:30+01:00 (CET)");
    }
}
