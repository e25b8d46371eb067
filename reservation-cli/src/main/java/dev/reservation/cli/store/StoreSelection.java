package dev.reservation.cli.store;

import dev.reservation.mongo.StoreOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which store the user asked for: the {@code --mongo-uri} and {@code --data-dir} flags as given, and
 * the environment, from which {@code RESERVATION_MONGO_URI} / {@code RESERVATION_DATA_DIR} are read
 * when a flag is absent. Immutable.
 */
public record StoreSelection(Optional<String> mongoUri, Optional<Path> dataDir, Map<String, String> env) {
    public StoreSelection {
        mongoUri = mongoUri == null ? Optional.empty() : mongoUri.filter(uri -> !uri.isBlank());
        dataDir = dataDir == null ? Optional.empty() : dataDir;
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /**
     * True when a MongoDB URI is given (flag or environment, as {@link StoreOptions#resolve} reads
     * them); false for the embedded default, the data directory of the person running the CLI.
     */
    public boolean usesUri() {
        return mongoUri.isPresent() || !env.getOrDefault(StoreOptions.URI_ENV, "").isBlank();
    }
}
