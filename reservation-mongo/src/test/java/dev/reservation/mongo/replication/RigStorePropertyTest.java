package dev.reservation.mongo.replication;

import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.StorePropertyTest;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import dev.reservation.rig.ReplicationRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The reference-model property on the Mongo store over the replication rig (a SIMULATION of a PSA
 * set) with a commit point lagging 1–5 ms per write: fewer, shorter sequences than in memory, each
 * on a fresh database, many of them crossing midnight UTC (two claim buckets).
 */
class RigStorePropertyTest extends StorePropertyTest {
    private static ReplicationRig rig;
    private static final List<MongoStores> OPENED = new ArrayList<>();

    @BeforeAll
    static void startRig() {
        rig = ReplicationRig.start();
        rig.lag(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    @AfterAll
    static void stopRig() {
        OPENED.forEach(MongoStores::close);
        rig.close();
    }

    @Override
    protected ReservationStore newStore() {
        if (OPENED.size() > 4) { // keep a few clients open at once, not one per example
            OPENED.remove(0).close();
        }
        MongoStores stores = MongoStores.open(StoreOptions.uri(rig.connectionString())
                .withDatabase(InProcessMongo.freshDatabase()).withWriteTimeout(Duration.ofSeconds(5)));
        OPENED.add(stores);
        return stores.reservations();
    }

    @Override
    protected int examples() {
        return 15;
    }

    @Override
    protected int maxOperations() {
        return 30;
    }
}
