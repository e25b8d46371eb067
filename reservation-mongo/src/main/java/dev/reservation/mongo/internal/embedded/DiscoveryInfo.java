package dev.reservation.mongo.internal.embedded;

import java.nio.file.Path;

/** Human-readable facts from a data directory's discovery file, for error messages. Stateless. */
public final class DiscoveryInfo {
    private DiscoveryInfo() {
    }

    /** " (pid P, port N)" when the discovery file says who serves {@code dataDir}, else "". */
    public static String describe(Path dataDir) {
        return DiscoveryFile.read(dataDir).map(d -> " (pid " + d.pid() + ", port " + d.port() + ")").orElse("");
    }
}
