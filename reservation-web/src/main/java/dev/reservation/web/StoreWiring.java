package dev.reservation.web;

import com.google.inject.Module;
import dev.reservation.core.wiring.InMemoryStoreModule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The store behind the app, chosen from the command line and environment, as a Guice module plus
 * whatever must be closed at shutdown. Not thread-safe; made once by {@link WebMain}.
 */
final class StoreWiring implements AutoCloseable {
    private final Module module;
    private final String description;
    private final AutoCloseable resources;

    private StoreWiring(Module module, String description, AutoCloseable resources) {
        this.module = module;
        this.description = description;
        this.resources = resources;
    }

    static StoreWiring inMemory() {
        return new StoreWiring(new InMemoryStoreModule(), "in-memory store (data is lost when the app stops)", () -> { });
    }

    /**
     * The Mongo store for {@code --mongo-uri} / {@code --data-dir} / the environment. Until the
     * reservation-mongo module is part of this build, this falls back to the in-memory store and
     * says so.
     */
    static StoreWiring mongo(Optional<String> uri, Optional<Path> dataDir, Duration primaryWait,
                             Map<String, String> env) {
        StoreWiring fallback = inMemory();
        return new StoreWiring(fallback.module, "in-memory store: the Mongo store is not wired into this build yet"
                + " (asked for " + (uri.isPresent() || env.containsKey("RESERVATION_MONGO_URI")
                ? "a MongoDB URI" : "the embedded server") + ")", fallback.resources);
    }

    Module module() {
        return module;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
