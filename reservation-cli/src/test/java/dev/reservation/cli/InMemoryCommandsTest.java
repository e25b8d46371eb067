package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.OutboxStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command scenarios against the core's in-memory store, shared across the runs of one test. */
class InMemoryCommandsTest extends NotificationScenarios {
    private TestStores stores;

    @Override
    protected CliHarness newCli() {
        stores = new TestStores();
        return new CliHarness(stores);
    }

    @Override
    protected OutboxStore outbox() {
        return stores.outbox;
    }

    @Override
    protected FeedTokenStore feedTokens() {
        return stores.feedTokens;
    }

    @Test
    void roomsShowCallsARoomFreeWhenTheClockHasSubMillisecondPrecision() {
        CliHarness precise = new CliHarness(new TestStores(), Clock.fixed(CliHarness.NOW.plusNanos(123_456),
                ZoneOffset.UTC), Map.of());
        precise.run("seed");
        assertThat(precise.json("rooms", "show", "Havel").get("availability").get("freeNow").asBoolean()).isTrue();
    }
}
