package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.cli.CliHarness.Result;
import dev.reservation.cli.store.MongoStoreFactory;
import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command scenarios against the embedded Mongo store (the in-process wire-protocol server over a
 * data directory), through the launcher's own {@link MongoStoreFactory}. A resident store stands in
 * for a running web app: every CLI run attaches to its server, as {@code bin/reservation} does.
 */
class EmbeddedMongoCommandsTest extends NotificationScenarios {
    private static final Clock CLOCK = Clock.fixed(CliHarness.NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    private MongoStores resident;

    @Override
    protected CliHarness newCli() {
        resident = MongoStores.open(StoreOptions.embedded(dataDir), CLOCK);
        return new CliHarness(TestStores.withFastHashes(new MongoStoreFactory(CLOCK)), CLOCK,
                Map.of("RESERVATION_DATA_DIR", dataDir.toString()));
    }

    @Override
    protected OutboxStore outbox() {
        return resident.outbox();
    }

    @Override
    protected FeedTokenStore feedTokens() {
        return resident.feedTokens();
    }

    @AfterEach
    void stopResidentStore() {
        if (resident != null) {
            resident.close();
        }
    }

    @Test
    void withoutARunningServerEachRunStartsItsOwnAndTheDataStaysOnDisk() {
        resident.close();
        resident = null;
        assertThat(cli.run("seed").exit()).isZero();
        Result rooms = cli.run("--data-dir", dataDir.toString(), "--json", "rooms", "list");
        assertThat(rooms.exit()).isZero();
        assertThat(rooms.json().get("rooms")).hasSize(10);
        assertThat(cli.json("cluster", "status").get("kind").asText()).isEqualTo("EMBEDDED");
    }
}
