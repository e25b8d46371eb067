package dev.reservation.harness;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.harness.workload.StoreBackend;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.audit.StoredState;
import java.time.Clock;
import java.util.Optional;

/**
 * The real store: reservation-mongo's {@link MongoStores} opened on the cluster's URI with its own
 * {@code MongoClient} and clock, writing with {@code w:"majority", j:true} and the given {@code wtimeout},
 * waiting {@code primaryWait} for a primary. Its raw state is read by reservation-mongo's audit reader
 * ({@link StoredState#read}) with a client of its own. Thread-safe (the stores are).
 */
final class MongoStoreBackend implements StoreBackend {
    private final MongoStores stores;
    private final String uri;

    private MongoStoreBackend(MongoStores stores, String uri) {
        this.stores = stores;
        this.uri = uri;
    }

    static StoreBackend.Factory factory(StoreSettings settings) {
        return new StoreBackend.Factory() {
            @Override
            public StoreBackend open(String uri, Clock clock) {
                StoreOptions options = StoreOptions.uri(uri).withPrimaryWait(settings.primaryWait())
                        .withWriteTimeout(settings.writeTimeout()).withHeartbeat(settings.heartbeat());
                if (settings.orphanAge().isPresent()) {
                    options = options.withOrphanAge(settings.orphanAge().get());
                }
                return new MongoStoreBackend(MongoStores.open(options, clock), uri);
            }

            @Override
            public String description() {
                return "reservation-mongo store: w:majority, j:true, wtimeout " + Durations.human(settings.writeTimeout())
                        + ", waits up to " + Durations.human(settings.primaryWait()) + " for a primary, driver heartbeat "
                        + Durations.human(settings.heartbeat()) + ", orphan age "
                        + settings.orphanAge().map(Durations::human).orElse("the store's default") + ", retryable writes; "
                        + settings.instances() + " instance(s)" + (settings.clockSkew().isZero() ? ""
                        : ", clocks spread over ±" + Durations.human(settings.clockSkew()));
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
    public Optional<StoredState> readRawState() {
        return Optional.of(StoredState.read(uri, stores.options().databaseName()));
    }

    @Override
    public void close() {
        stores.close();
    }
}
