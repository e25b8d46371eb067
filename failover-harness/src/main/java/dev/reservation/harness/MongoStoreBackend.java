package dev.reservation.harness;

import dev.reservation.harness.cluster.ClusterStartException;
import dev.reservation.harness.workload.StoreBackend;
import java.time.Duration;

/**
 * The real store: reservation-mongo's {@code MongoStores} opened on the cluster's URI.
 * TEMPORARY: reservation-mongo is not installed yet, so this factory says so instead of opening.
 */
final class MongoStoreBackend {
    private MongoStoreBackend() {
    }

    static StoreBackend.Factory factory(Duration primaryWait, Duration writeTimeout) {
        return uri -> {
            throw new ClusterStartException("the Mongo store (reservation-mongo) is not built into the harness yet");
        };
    }
}
