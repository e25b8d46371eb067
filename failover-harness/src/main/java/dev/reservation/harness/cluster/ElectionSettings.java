package dev.reservation.harness.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The replica-set settings that shape failover, as asked for on the command line; an absent value
 * leaves the server's default (10000 ms election timeout, 2000 ms heartbeats, infinite catch-up).
 * Immutable.
 */
public record ElectionSettings(OptionalLong electionTimeoutMillis, OptionalLong heartbeatIntervalMillis,
                               OptionalLong catchUpTimeoutMillis) {
    public static final ElectionSettings SERVER_DEFAULTS =
            new ElectionSettings(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    public ElectionSettings {
        electionTimeoutMillis = electionTimeoutMillis == null ? OptionalLong.empty() : electionTimeoutMillis;
        heartbeatIntervalMillis = heartbeatIntervalMillis == null ? OptionalLong.empty() : heartbeatIntervalMillis;
        catchUpTimeoutMillis = catchUpTimeoutMillis == null ? OptionalLong.empty() : catchUpTimeoutMillis;
        if (electionTimeoutMillis.isPresent() && electionTimeoutMillis.getAsLong() < 1) {
            throw new IllegalArgumentException("--election-timeout-ms must be positive");
        }
        if (heartbeatIntervalMillis.isPresent() && heartbeatIntervalMillis.getAsLong() < 1) {
            throw new IllegalArgumentException("--heartbeat-interval-ms must be positive");
        }
    }

    public boolean isDefault() {
        return electionTimeoutMillis.isEmpty() && heartbeatIntervalMillis.isEmpty() && catchUpTimeoutMillis.isEmpty();
    }

    /** The {@code settings} sub-document of a replica-set config, holding only what was asked for. */
    public Map<String, Object> asConfigSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        electionTimeoutMillis.ifPresent(v -> settings.put("electionTimeoutMillis", v));
        heartbeatIntervalMillis.ifPresent(v -> settings.put("heartbeatIntervalMillis", v));
        catchUpTimeoutMillis.ifPresent(v -> settings.put("catchUpTimeoutMillis", v));
        return settings;
    }
}
