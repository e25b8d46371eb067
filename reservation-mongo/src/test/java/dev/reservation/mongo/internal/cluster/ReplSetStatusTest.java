package dev.reservation.mongo.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Parsing a hand-written replSetGetStatus reply shaped like a PSA set with its secondary lagging. */
class ReplSetStatusTest {
    private static final Instant NOW = Instant.parse("2031-01-01T12:00:00Z");

    private static Date at(long secondsBeforeNow) {
        return Date.from(NOW.minusSeconds(secondsBeforeNow));
    }

    private static Document reply(Document... members) {
        return new Document("set", "rs0").append("date", Date.from(NOW)).append("members", List.of(members)).append("ok", 1.0);
    }

    @Test
    void readsStatesHealthHeartbeatsOptimesAndLag() {
        Document primary = new Document("name", "db1:27017").append("health", 1.0).append("stateStr", "PRIMARY")
                .append("optimeDate", at(0)).append("self", true);
        Document secondary = new Document("name", "db2:27017").append("health", 1.0).append("stateStr", "SECONDARY")
                .append("optimeDate", at(3)).append("lastHeartbeat", at(1)).append("pingMs", 2L);
        Document arbiter = new Document("name", "arb:27017").append("health", 1.0).append("stateStr", "ARBITER")
                .append("lastHeartbeat", at(1)).append("pingMs", 1L);

        List<MemberStatus> members = ReplSetStatus.members(reply(primary, secondary, arbiter));

        assertThat(ReplSetStatus.setName(reply())).isEqualTo("rs0");
        assertThat(members).extracting(MemberStatus::host).containsExactly("arb:27017", "db1:27017", "db2:27017");
        MemberStatus arb = members.get(0);
        MemberStatus db1 = members.get(1);
        MemberStatus db2 = members.get(2);
        assertThat(db1.state()).isEqualTo(MemberState.PRIMARY);
        assertThat(db1.lastHeartbeat()).contains(NOW);
        assertThat(db1.replicationLag()).contains(Duration.ZERO);
        assertThat(db2.state()).isEqualTo(MemberState.SECONDARY);
        assertThat(db2.replicationLag()).contains(Duration.ofSeconds(3));
        assertThat(db2.pingTime()).contains(Duration.ofMillis(2));
        assertThat(db2.lastHeartbeat()).contains(NOW.minusSeconds(1));
        assertThat(arb.state()).isEqualTo(MemberState.ARBITER);
        assertThat(arb.optime()).isEmpty();
        assertThat(arb.replicationLag()).isEmpty();
    }

    @Test
    void anUnreachableMemberIsDownAndUnhealthy() {
        Document primary = new Document("name", "db1:27017").append("health", 1.0).append("stateStr", "PRIMARY")
                .append("optimeDate", at(0)).append("self", true);
        Document gone = new Document("name", "db2:27017").append("health", 0.0)
                .append("stateStr", "(not reachable/healthy)").append("optimeDate", new Date(0))
                .append("lastHeartbeat", new Date(0));

        MemberStatus db2 = ReplSetStatus.members(reply(primary, gone)).get(1);

        assertThat(db2.state()).isEqualTo(MemberState.DOWN);
        assertThat(db2.healthy()).isFalse();
        assertThat(db2.lastHeartbeat()).isEmpty();
        assertThat(db2.replicationLag()).isEmpty();
    }
}
