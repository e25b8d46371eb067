package dev.reservation.mongo.replset;

import dev.reservation.core.store.StoreContractTest;
import dev.reservation.core.store.StoreFixture;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against a real replica set (Testcontainers or mongod binaries); skipped without one. */
class ReplicaSetStoreContractIT extends StoreContractTest {
    private static Optional<ReplicaSets.Running> replicaSet = Optional.empty();
    private MongoStores current;

    @BeforeAll
    static void startReplicaSet() throws Exception {
        replicaSet = ReplicaSets.start();
    }

    @AfterAll
    static void stopReplicaSet() throws Exception {
        if (replicaSet.isPresent()) {
            replicaSet.get().close();
        }
    }

    @Override
    protected StoreFixture newStores() {
        ReplicaSets.assumeRunning(replicaSet, ReplicaSets.NEEDS);
        current = MongoStores.open(StoreOptions.uri(replicaSet.get().uri()).withDatabase(InProcessMongo.freshDatabase()));
        return new StoreFixture(current.users(), current.rooms(), current.reservations());
    }

    @AfterEach
    void closeStores() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
