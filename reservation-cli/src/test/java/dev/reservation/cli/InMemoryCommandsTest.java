package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command scenarios against the core's in-memory store, shared across the runs of one test. */
class InMemoryCommandsTest extends ManagementScenarios {
    @Override
    protected CliHarness newCli() {
        return new CliHarness(new TestStores());
    }

    @Test
    void roomsShowCallsARoomFreeWhenTheClockHasSubMillisecondPrecision() {
        CliHarness precise = new CliHarness(new TestStores(), Clock.fixed(CliHarness.NOW.plusNanos(123_456),
                ZoneOffset.UTC), Map.of());
        precise.run("seed");
        assertThat(precise.json("rooms", "show", "Havel").get("availability").get("freeNow").asBoolean()).isTrue();
    }
}
