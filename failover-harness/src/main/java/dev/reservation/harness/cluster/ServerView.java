package dev.reservation.harness.cluster;

import dev.reservation.core.cluster.MemberState;
import java.util.List;
import java.util.Optional;

/**
 * The cluster as the servers describe themselves at one moment ({@code replSetGetStatus}, or a ping for
 * a single node). {@code term} is the election term (0 where there is none). Immutable.
 *
 * @param electionWall epoch millis (server clock) of the current primary's election, when it said
 */
public record ServerView(Optional<String> primary, long term, List<Member> members, Optional<Long> electionWall,
                         String askedHost) {
    public ServerView {
        primary = primary == null ? Optional.empty() : primary;
        members = List.copyOf(members);
        electionWall = electionWall == null ? Optional.empty() : electionWall;
    }

    public static ServerView unreachable() {
        return new ServerView(Optional.empty(), 0, List.of(), Optional.empty(), "");
    }

    /**
     * One member: state, health, and its last applied optime as a comparable number (BSON timestamp
     * value: seconds in the high 32 bits, increment in the low; 0 where unknown, as for arbiters).
     */
    public record Member(String host, MemberState state, boolean healthy, long optime) {
    }

    public Optional<Member> member(String host) {
        return members.stream().filter(m -> m.host().equals(host)).findFirst();
    }

    public long primaryOptime() {
        return primary.flatMap(this::member).map(Member::optime).orElse(0L);
    }

    /** Every member healthy, one primary, the rest secondaries or arbiters. */
    public boolean settled() {
        return primary.isPresent() && !members.isEmpty() && members.stream().allMatch(m -> m.healthy()
                && (m.state() == MemberState.PRIMARY || m.state() == MemberState.SECONDARY
                || m.state() == MemberState.ARBITER || m.state() == MemberState.STANDALONE));
    }
}
