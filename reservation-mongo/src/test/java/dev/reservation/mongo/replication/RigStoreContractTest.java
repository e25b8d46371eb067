package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.store.StoreContractTest;
import dev.reservation.core.store.StoreFixture;
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
 * The core's store contract against the Mongo store on the replication rig (a SIMULATION of a PSA
 * replica set) whose commit point lags by a random 1–50 ms per write: every acknowledged write has
 * waited for it, every majority read sees only what is committed. A fresh database per test.
 */
class RigStoreContractTest extends StoreContractTest {
    private static ReplicationRig rig;
    private final List<MongoStores> opened = new ArrayList<>();

    @BeforeAll
    static void startRig() {
        rig = ReplicationRig.start();
        rig.lag(Duration.ofMillis(1), Duration.ofMillis(50));
    }

    @AfterAll
    static void stopRig() {
        rig.close();
        assertThat(rig.divergences()).isZero();
    }

    @Override
    protected StoreFixture newStores() {
        MongoStores stores = MongoStores.open(StoreOptions.uri(rig.connectionString())
                .withDatabase(InProcessMongo.freshDatabase()).withWriteTimeout(Duration.ofSeconds(5))
                .withPrimaryWait(Duration.ofSeconds(5)));
        opened.add(stores);
        return new StoreFixture(stores.users(), stores.rooms(), stores.reservations());
    }

    @AfterEach
    void closeStores() {
        opened.forEach(MongoStores::close);
        opened.clear();
    }
}
