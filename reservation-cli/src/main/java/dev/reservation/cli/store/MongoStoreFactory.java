package dev.reservation.cli.store;

import dev.reservation.mongo.MongoStoreModule;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.time.Clock;
import java.util.Objects;

/**
 * The store the launcher uses, chosen as the web app chooses it: {@code --mongo-uri} or
 * {@code RESERVATION_MONGO_URI} when given, else the embedded server of {@code --data-dir} /
 * {@code RESERVATION_DATA_DIR} / {@code ~/.reservation/data} (attached to when a web app already
 * serves that directory, else started for this run and stopped at its end; the data stays on disk).
 * Thread-safe.
 */
public final class MongoStoreFactory implements StoreFactory {
    private final Clock clock;

    public MongoStoreFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public StoreConnection open(StoreSelection selection) {
        StoreOptions options = StoreOptions.resolve(selection.mongoUri(), selection.dataDir(), selection.env());
        MongoStores stores = MongoStores.open(options, clock);
        return StoreConnection.of(new MongoStoreModule(stores), () -> closeQuietly(stores));
    }

    /** The command's outcome is settled by now; a failing close must not change its exit code. */
    private static void closeQuietly(MongoStores stores) {
        try {
            stores.close();
        } catch (RuntimeException ignored) {
            // the process ends next; connections and the embedded server's files are released with it
        }
    }
}
