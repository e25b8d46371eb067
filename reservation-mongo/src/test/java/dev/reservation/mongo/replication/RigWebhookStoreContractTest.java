package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.hooks.WebhookStore;
import dev.reservation.core.store.WebhookStoreContractTest;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import dev.reservation.rig.ReplicationRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Webhook subscriptions on the replication rig (a SIMULATION of a PSA replica set) whose commit
 * point lags by 1–20 ms per write: the compare-and-set replace and the race of two instances with
 * majority writes and reads.
 */
class RigWebhookStoreContractTest extends WebhookStoreContractTest {
    private static ReplicationRig rig;
    private final List<MongoStores> opened = new ArrayList<>();
    private String database;

    @BeforeAll
    static void startRig() {
        rig = ReplicationRig.start();
        rig.lag(Duration.ofMillis(1), Duration.ofMillis(20));
    }

    @AfterAll
    static void stopRig() {
        rig.close();
        assertThat(rig.divergences()).isZero();
    }

    private MongoStores open() {
        MongoStores s = MongoStores.open(StoreOptions.uri(rig.connectionString()).withDatabase(database)
                .withWriteTimeout(Duration.ofSeconds(5)).withPrimaryWait(Duration.ofSeconds(5)));
        opened.add(s);
        return s;
    }

    @Override
    protected WebhookStore freshStore() {
        database = InProcessMongo.freshDatabase();
        return open().webhooks();
    }

    @Override
    protected WebhookStore sameStoreAgain() {
        return open().webhooks();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(MongoStores::close);
        opened.clear();
    }
}
