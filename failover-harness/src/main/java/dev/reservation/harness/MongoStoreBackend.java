package dev.reservation.harness;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.harness.workload.StoreBackend;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.time.Duration;

/**
 * The real store: reservation-mongo's {@link MongoStores} opened on the cluster's URI, writing with
 * {@code w:"majority", j:true} and the given {@code wtimeout}, waiting {@code primaryWait} for a primary.
 * Thread-safe (the stores are).
 */
final class MongoStoreBackend implements StoreBackend {
    private final MongoStores stores;

    private MongoStoreBackend(MongoStores stores) {
        this.stores = stores;
    }

    static StoreBackend.Factory factory(Duration primaryWait, Duration writeTimeout, Duration heartbeat) {
        return new StoreBackend.Factory() {
            @Override
            public StoreBackend open(String uri) {
                return new MongoStoreBackend(MongoStores.open(StoreOptions.uri(uri).withPrimaryWait(primaryWait)
                        .withWriteTimeout(writeTimeout).withHeartbeat(heartbeat)));
            }

            @Override
            public String description() {
                return "reservation-mongo store: w:majority, j:true, wtimeout " + Durations.human(writeTimeout)
                        + ", waits up to " + Durations.human(primaryWait) + " for a primary, driver heartbeat "
                        + Durations.human(heartbeat) + ", retryable writes";
            }
        };
    }

    @Override
    public UserStore users() {
        return stores.users();
    }

    @Override
    public RoomStore rooms() {
        return stores.rooms();
    }

    @Override
    public ReservationStore reservations() {
        return stores.reservations();
    }

    @Override
    public ClusterInspector cluster() {
        return stores.cluster();
    }

    @Override
    public void close() {
        stores.close();
    }
}
