package dev.reservation.mongo.internal.cluster;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as the driver's monitors see it (used when {@code replSetGetStatus} is not allowed,
 * and for topology events): state from the server type, optime from each member's last write date,
 * lag behind the primary's last write date, ping from the round-trip time. Stateless, thread-safe.
 */
public final class DriverView {
    private DriverView() {
    }

    public static MemberState state(ServerDescription s) {
        return switch (s.getType()) {
            case REPLICA_SET_PRIMARY -> MemberState.PRIMARY;
            case REPLICA_SET_SECONDARY -> MemberState.SECONDARY;
            case REPLICA_SET_ARBITER -> MemberState.ARBITER;
            case REPLICA_SET_GHOST -> MemberState.STARTUP;
            case REPLICA_SET_OTHER -> MemberState.RECOVERING;
            case STANDALONE, SHARD_ROUTER, LOAD_BALANCER -> MemberState.STANDALONE;
            case UNKNOWN -> s.getException() != null ? MemberState.DOWN : MemberState.UNKNOWN;
        };
    }

    /** host → state, in the driver's order. */
    public static Map<String, MemberState> states(ClusterDescription d) {
        Map<String, MemberState> out = new LinkedHashMap<>();
        for (ServerDescription s : d.getServerDescriptions()) {
            out.put(s.getAddress().toString(), state(s));
        }
        return out;
    }

    /** Members sorted by host, with heartbeats as recorded by the tracker. */
    public static List<MemberStatus> members(ClusterDescription d, Map<String, Instant> heartbeats) {
        Optional<Date> primaryWrite = d.getServerDescriptions().stream().filter(ServerDescription::isPrimary)
                .map(ServerDescription::getLastWriteDate).filter(x -> x != null).findFirst();
        List<MemberStatus> out = new ArrayList<>();
        for (ServerDescription s : d.getServerDescriptions()) {
            MemberState state = state(s);
            Optional<Instant> optime = Optional.ofNullable(s.getLastWriteDate()).map(Date::toInstant);
            Optional<Duration> lag = state == MemberState.SECONDARY
                    ? primaryWrite.flatMap(p -> optime.map(o -> positive(Duration.between(o, p.toInstant()))))
                    : state == MemberState.PRIMARY ? Optional.of(Duration.ZERO) : Optional.empty();
            Optional<Duration> ping = s.isOk() ? Optional.of(Duration.ofNanos(s.getRoundTripTimeNanos())) : Optional.empty();
            String host = s.getAddress().toString();
            out.add(new MemberStatus(host, state, s.isOk(), Optional.ofNullable(heartbeats.get(host)), optime, lag, ping));
        }
        out.sort(Comparator.comparing(MemberStatus::host));
        return out;
    }

    static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
