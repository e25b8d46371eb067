package dev.reservation.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.cluster.MemberState;
import java.util.Date;
import java.util.List;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ReplicaSetStatusTest {
    private static Document member(String name, String state, double health, int optimeSeconds, boolean self) {
        Document m = new Document("name", name).append("stateStr", state).append("health", health);
        if (optimeSeconds > 0) {
            m.append("optime", new Document("ts", new BsonTimestamp(optimeSeconds, 1)).append("t", 3L));
        }
        if (self) {
            m.append("self", true);
        }
        return m;
    }

    /** What a PSA set answers after an election, asked on the new primary. */
    private static Document psaStatus(boolean askedOnPrimary) {
        Document primary = member("127.0.0.1:27018", "PRIMARY", 1, 1_700_000_100, askedOnPrimary)
                .append("electionDate", new Date(1_700_000_050_000L));
        return new Document("set", "rs0").append("term", 3L).append("members", List.of(
                        member("127.0.0.1:27017", "(not reachable/healthy)", 0, 0, false),
                        primary,
                        member("127.0.0.1:27019", "ARBITER", 1, 0, !askedOnPrimary)))
                .append("electionCandidateMetrics", new Document("lastElectionDate", new Date(1_700_000_049_876L)));
    }

    @Test
    void readsPrimaryTermStatesHealthAndOptimes() {
        ServerView view = ReplicaSetStatus.parse(psaStatus(true), "127.0.0.1:27018");

        assertThat(view.primary()).hasValue("127.0.0.1:27018");
        assertThat(view.term()).isEqualTo(3);
        assertThat(view.member("127.0.0.1:27017")).hasValueSatisfying(m -> {
            assertThat(m.state()).isEqualTo(MemberState.DOWN);
            assertThat(m.healthy()).isFalse();
        });
        assertThat(view.member("127.0.0.1:27019")).hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(MemberState.ARBITER));
        assertThat(view.primaryOptime()).isEqualTo(new BsonTimestamp(1_700_000_100, 1).getValue());
        assertThat(view.settled()).as("a member is down").isFalse();
    }

    @Test
    void takesTheMillisecondElectionDateFromThePrimarysOwnMetrics() {
        assertThat(ReplicaSetStatus.parse(psaStatus(true), "127.0.0.1:27018").electionWall()).hasValue(1_700_000_049_876L);
    }

    @Test
    void fallsBackToThePrimarysElectionDateWhenAskedElsewhere() {
        assertThat(ReplicaSetStatus.parse(psaStatus(false), "127.0.0.1:27019").electionWall()).hasValue(1_700_000_050_000L);
    }

    @Test
    void reportsNoPrimaryDuringAnElection() {
        Document status = new Document("term", 4L).append("members", List.of(
                member("a:1", "SECONDARY", 1, 10, true), member("b:2", "(not reachable/healthy)", 0, 0, false)));

        ServerView view = ReplicaSetStatus.parse(status, "a:1");

        assertThat(view.primary()).isEmpty();
        assertThat(view.electionWall()).isEmpty();
    }

    @Test
    void callsASetSettledWhenEveryMemberIsHealthyAndOneIsPrimary() {
        Document status = new Document("term", 1L).append("members", List.of(
                member("a:1", "PRIMARY", 1, 10, true), member("b:2", "SECONDARY", 1, 10, false),
                member("c:3", "ARBITER", 1, 0, false)));

        assertThat(ReplicaSetStatus.parse(status, "a:1").settled()).isTrue();
    }
}
