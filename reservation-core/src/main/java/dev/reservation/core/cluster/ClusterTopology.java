package dev.reservation.core.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's cluster as the application sees it at {@code observedAt}. {@code source} says where
 * the picture came from (e.g. "replSetGetStatus", "driver cluster events", "in-process").
 */
public record ClusterTopology(
        Kind kind,
        Optional<String> setName,
        List<MemberStatus> members,
        Instant observedAt,
        String source,
        String summary) {

    /** What kind of store stands behind the application. */
    public enum Kind {
        /** The in-memory store: data lives and dies with this process. */
        IN_MEMORY,
        /** The embedded single-node server (default with no configuration): no replication. */
        EMBEDDED,
        /** One MongoDB server without a replica set. */
        STANDALONE,
        /** A MongoDB replica set. */
        REPLICA_SET
    }

    public ClusterTopology {
        Objects.requireNonNull(kind, "kind");
        setName = setName == null ? Optional.empty() : setName;
        members = List.copyOf(members);
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(summary, "summary");
    }

    /** A member that can take writes right now (for a single node: that node when healthy). */
    public Optional<MemberStatus> primary() {
        return members.stream()
                .filter(m -> m.healthy() && (m.state() == MemberState.PRIMARY
                        || m.state() == MemberState.STANDALONE || m.state() == MemberState.IN_PROCESS))
                .findFirst();
    }

    public boolean writable() {
        return primary().isPresent();
    }
}
