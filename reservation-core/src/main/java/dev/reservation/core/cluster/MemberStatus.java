package dev.reservation.core.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One member of the cluster as last seen: its state, health, last heartbeat, last applied optime
 * and replication lag behind the primary (absent where it does not apply, e.g. for an arbiter).
 */
public record MemberStatus(
        String host,
        MemberState state,
        boolean healthy,
        Optional<Instant> lastHeartbeat,
        Optional<Instant> optime,
        Optional<Duration> replicationLag,
        Optional<Duration> pingTime) {

    public MemberStatus {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        lastHeartbeat = lastHeartbeat == null ? Optional.empty() : lastHeartbeat;
        optime = optime == null ? Optional.empty() : optime;
        replicationLag = replicationLag == null ? Optional.empty() : replicationLag;
        pingTime = pingTime == null ? Optional.empty() : pingTime;
    }
}
