package dev.reservation.web;

import com.github.benmanes.caffeine.cache.Ticker;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.reservation.core.cache.CachedQuotaStore;
import dev.reservation.core.cache.CachedRoomOperationsStore;
import dev.reservation.core.cache.CachedRoomStore;
import dev.reservation.core.cache.CachedUserStore;
import dev.reservation.core.ops.QuotaStore;
import dev.reservation.core.ops.RoomOperationsStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.core.wiring.InMemoryStoreModule;
import dev.reservation.mongo.MongoStoreModule;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The store behind the app, chosen from the command line and environment, as a Guice module plus
 * whatever must be closed at shutdown. The only place the web module touches the Mongo adapter.
 * Not thread-safe; made once by {@link WebMain} (and by tests).
 */
final class StoreWiring implements AutoCloseable {
    /** How stale users and rooms may be for changes made through another app instance. */
    static final Duration REFERENCE_DATA_TTL = Duration.ofSeconds(2);

    private final Module module;
    private final String description;
    private final boolean embeddedDefault;
    private final AutoCloseable resources;

    private StoreWiring(Module module, String description, boolean embeddedDefault, AutoCloseable resources) {
        this.module = module;
        this.description = description;
        this.embeddedDefault = embeddedDefault;
        this.resources = resources;
    }

    static StoreWiring inMemory() {
        return new StoreWiring(new InMemoryStoreModule(), "in-memory store (data is lost when the app stops)", true,
                () -> { });
    }

    /**
     * The Mongo store for {@code --mongo-uri} / {@code --data-dir} / the environment (a flag wins
     * over {@code RESERVATION_MONGO_URI} / {@code RESERVATION_DATA_DIR}; with no URI the embedded
     * server in the data dir). {@code primaryWait} becomes the driver's server-selection timeout:
     * how long a booking waits for a primary during an election.
     *
     * @throws dev.reservation.core.domain.StoreUnavailableException when no primary answers in time
     */
    static StoreWiring mongo(Optional<String> uri, Optional<Path> dataDir, Duration primaryWait,
                             Map<String, String> env, Clock clock) {
        StoreOptions options = StoreOptions.resolve(uri, dataDir, env).withPrimaryWait(primaryWait);
        MongoStores stores = MongoStores.open(options, clock);
        return new StoreWiring(cachingReferenceData(new MongoStoreModule(stores), stores.users(), stores.rooms(),
                stores.quotas(), stores.roomOperations()),
                stores.describe() + " [" + stores.kind() + "]", options.mongoUri().isEmpty(), stores);
    }

    /**
     * Users and rooms, read on nearly every request (the acting user, the room list), and the quota
     * rules and room settings every booking reads, from a cache of at most {@link #REFERENCE_DATA_TTL}:
     * another instance's change to them shows here within that bound; this instance's own changes
     * at once. Reservations and quota counters are never cached.
     */
    static Module cachingReferenceData(Module stores, UserStore users, RoomStore rooms, QuotaStore quotas,
                                      RoomOperationsStore operations) {
        return Modules.override(stores).with(new AbstractModule() {
            @Override
            protected void configure() {
                bind(UserStore.class).toInstance(new CachedUserStore(users, REFERENCE_DATA_TTL, Ticker.systemTicker()));
                bind(RoomStore.class).toInstance(new CachedRoomStore(rooms, REFERENCE_DATA_TTL, Ticker.systemTicker()));
                bind(QuotaStore.class).toInstance(new CachedQuotaStore(quotas, REFERENCE_DATA_TTL, Ticker.systemTicker()));
                bind(RoomOperationsStore.class).toInstance(
                        new CachedRoomOperationsStore(operations, REFERENCE_DATA_TTL, Ticker.systemTicker()));
            }
        });
    }

    Module module() {
        return module;
    }

    String description() {
        return description;
    }

    /**
     * True for the in-memory store and the embedded server (no MongoDB URI configured): the only
     * stores that get the demo data and its well-known passwords.
     */
    boolean embeddedDefault() {
        return embeddedDefault;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
