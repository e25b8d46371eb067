package dev.reservation.harness.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start or attach to the cluster. {@code workDir} receives scratch data and member logs.
 * {@code clientOptions} are added to the workload's connection string unless it sets them itself.
 * Immutable.
 */
public record ClusterOptions(ClusterKind kind, Path workDir, Optional<Path> mongodBin, Optional<String> uri,
                             Optional<String> killHook, Optional<String> startHook, String image,
                             ElectionSettings election, String clientOptions, Duration startTimeout) {
    /** Majority writes, as the harness measures; the store may set the write concern itself as well. */
    public static final String DEFAULT_CLIENT_OPTIONS = "w=majority&journal=true";
    public static final String DEFAULT_IMAGE = "mongo:7.0";
    public static final String SET_NAME = "rs0";

    public ClusterOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workDir, "workDir");
        mongodBin = mongodBin == null ? Optional.empty() : mongodBin;
        uri = uri == null ? Optional.empty() : uri;
        killHook = killHook == null ? Optional.empty() : killHook;
        startHook = startHook == null ? Optional.empty() : startHook;
        image = image == null ? DEFAULT_IMAGE : image;
        election = election == null ? ElectionSettings.SERVER_DEFAULTS : election;
        clientOptions = clientOptions == null ? DEFAULT_CLIENT_OPTIONS : clientOptions;
        startTimeout = startTimeout == null ? Duration.ofSeconds(90) : startTimeout;
    }
}
