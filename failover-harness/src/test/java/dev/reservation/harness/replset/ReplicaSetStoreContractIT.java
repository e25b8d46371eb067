package dev.reservation.harness.replset;

import dev.reservation.core.store.StoreContractTest;
import dev.reservation.core.store.StoreFixture;
import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against a real PSA replica set (mongod binaries or containers); skipped without one. */
class ReplicaSetStoreContractIT extends StoreContractTest {
    private static Optional<ClusterControl> replicaSet = Optional.empty();
    private MongoStores current;

    @BeforeAll
    static void startReplicaSet() throws Exception {
        replicaSet = RealReplicaSets.startPsa();
    }

    @AfterAll
    static void stopReplicaSet() throws Exception {
        if (replicaSet.isPresent()) {
            replicaSet.get().close();
        }
    }

    @Override
    protected StoreFixture newStores() {
        String uri = RealReplicaSets.require(replicaSet).clientUri();
        current = MongoStores.open(StoreOptions.uri(uri).withDatabase("contract_" + UUID.randomUUID().toString().replace("-", "")));
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
