package dev.reservation.mongo.internal.cluster;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Reads the members out of a {@code replSetGetStatus} reply: {@code name}, {@code stateStr},
 * {@code health}, {@code lastHeartbeat} (absent for the member answering: its own {@code date}
 * stands in), {@code optimeDate}, {@code pingMs}; the lag is the primary's optime minus the
 * member's, for data-bearing members. Stateless and thread-safe; tested with hand-written replies.
 */
public final class ReplSetStatus {
    private ReplSetStatus() {
    }

    public static String setName(Document reply) {
        return reply.getString("set");
    }

    public static List<MemberStatus> members(Document reply) {
        List<Document> members = reply.getList("members", Document.class, List.of());
        Optional<Instant> primaryOptime = members.stream()
                .filter(m -> "PRIMARY".equals(m.getString("stateStr")))
                .map(m -> date(m, "optimeDate")).flatMap(Optional::stream).findFirst();
        Optional<Instant> now = date(reply, "date");
        List<MemberStatus> out = new ArrayList<>();
        for (Document m : members) {
            MemberState state = MemberState.fromMongo(m.getString("stateStr"));
            boolean healthy = number(m, "health").map(h -> h.doubleValue() >= 1.0).orElse(false);
            if (!healthy && state != MemberState.DOWN) {
                state = MemberState.DOWN;
            }
            Optional<Instant> heartbeat = Boolean.TRUE.equals(m.getBoolean("self"))
                    ? now : date(m, "lastHeartbeat").filter(i -> i.toEpochMilli() > 0);
            Optional<Instant> optime = state == MemberState.ARBITER ? Optional.empty()
                    : date(m, "optimeDate").filter(i -> i.toEpochMilli() > 0);
            Optional<Duration> lag = state == MemberState.ARBITER || state == MemberState.DOWN ? Optional.empty()
                    : primaryOptime.flatMap(p -> optime.map(o -> DriverView.positive(Duration.between(o, p))));
            Optional<Duration> ping = number(m, "pingMs").map(p -> Duration.ofMillis(p.longValue()));
            out.add(new MemberStatus(m.getString("name"), state, healthy, heartbeat, optime, lag, ping));
        }
        out.sort(Comparator.comparing(MemberStatus::host));
        return out;
    }

    private static Optional<Instant> date(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Date date ? Optional.of(date.toInstant()) : Optional.empty();
    }

    private static Optional<Number> number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? Optional.of(n) : Optional.empty();
    }
}
