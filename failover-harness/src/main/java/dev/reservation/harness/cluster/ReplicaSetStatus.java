package dev.reservation.harness.cluster;

import dev.reservation.core.cluster.MemberState;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.BsonTimestamp;
import org.bson.Document;

/**
 * Turns a {@code replSetGetStatus} reply into a {@link ServerView}. Pure; stateless and thread-safe.
 * The election date comes from {@code electionCandidateMetrics.lastElectionDate} (millisecond
 * precision, present on the member that won its last election) when the asked member is the primary,
 * else from the primary's {@code electionDate} (second precision).
 */
public final class ReplicaSetStatus {
    private ReplicaSetStatus() {
    }

    public static ServerView parse(Document status, String askedHost) {
        List<ServerView.Member> members = new ArrayList<>();
        Optional<String> primary = Optional.empty();
        Optional<Long> electionWall = Optional.empty();
        boolean askedIsPrimary = false;
        for (Document m : status.getList("members", Document.class, List.of())) {
            String host = m.getString("name");
            MemberState state = MemberState.fromMongo(m.getString("stateStr"));
            Number health = m.get("health", Number.class);
            boolean healthy = health != null && health.doubleValue() >= 1;
            members.add(new ServerView.Member(host, state, healthy, optime(m)));
            if (state == MemberState.PRIMARY && healthy) {
                primary = Optional.of(host);
                electionWall = Optional.ofNullable(m.getDate("electionDate")).map(Date::getTime);
                askedIsPrimary = Boolean.TRUE.equals(m.getBoolean("self"));
            }
        }
        Document metrics = status.get("electionCandidateMetrics", Document.class);
        if (askedIsPrimary && metrics != null && metrics.getDate("lastElectionDate") != null) {
            electionWall = Optional.of(metrics.getDate("lastElectionDate").getTime());
        }
        Number term = status.get("term", Number.class);
        return new ServerView(primary, term == null ? 0 : term.longValue(), members, electionWall, askedHost);
    }

    private static long optime(Document member) {
        Object optime = member.get("optime");
        if (optime instanceof Document d && d.get("ts") instanceof BsonTimestamp ts) {
            return ts.getValue();
        }
        if (optime instanceof BsonTimestamp ts) {
            return ts.getValue();
        }
        return 0;
    }
}
