package dev.reservation.web.api;

import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberStatus;
import java.time.Instant;
import java.util.List;

/** The cluster as the app sees it (GET /api/v1/cluster). Durations in milliseconds. Immutable, so thread-safe. */
public record ClusterDto(String kind, String setName, String summary, String source, Instant observedAt,
                         boolean writable, String primary, List<Member> members) {

    /** One member: role, health, last heartbeat, last applied optime, lag behind the primary, ping. */
    public record Member(String host, String state, boolean healthy, Instant lastHeartbeat, Instant optime,
                         Long replicationLagMillis, Long pingMillis) {
        static Member of(MemberStatus m) {
            return new Member(m.host(), m.state().name(), m.healthy(), m.lastHeartbeat().orElse(null),
                    m.optime().orElse(null), m.replicationLag().map(java.time.Duration::toMillis).orElse(null),
                    m.pingTime().map(java.time.Duration::toMillis).orElse(null));
        }
    }

    public static ClusterDto of(ClusterTopology t) {
        return new ClusterDto(t.kind().name(), t.setName().orElse(null), t.summary(), t.source(), t.observedAt(),
                t.writable(), t.primary().map(MemberStatus::host).orElse(null),
                t.members().stream().map(Member::of).toList());
    }
}
