package dev.reservation.mongo.internal.cluster;

import static dev.reservation.core.cluster.MemberState.ARBITER;
import static dev.reservation.core.cluster.MemberState.DOWN;
import static dev.reservation.core.cluster.MemberState.PRIMARY;
import static dev.reservation.core.cluster.MemberState.SECONDARY;
import static dev.reservation.core.cluster.MemberState.STANDALONE;
import static dev.reservation.core.cluster.MemberState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.TopologyEvent;
import dev.reservation.core.cluster.TopologyEvent.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyDiffTest {
    private static final Instant AT = Instant.parse("2031-01-01T00:00:00Z");

    private static List<String> diff(Map<String, MemberState> before, Map<String, MemberState> after) {
        return TopologyDiff.between(before, after, AT).stream().map(e -> e.type() + " " + e.host()).toList();
    }

    @Test
    void aFailoverLosesTheOldPrimaryAndElectsTheNewOne() {
        assertThat(diff(Map.of("db1", PRIMARY, "db2", SECONDARY, "arb", ARBITER),
                Map.of("db1", DOWN, "db2", PRIMARY, "arb", ARBITER)))
                .containsExactly("PRIMARY_LOST db1", "PRIMARY_ELECTED db2", "MEMBER_DOWN db1",
                        "MEMBER_STATE_CHANGED db2");
    }

    @Test
    void aPrimaryGoingDownWithoutSuccessorIsOnlyLost() {
        assertThat(diff(Map.of("db1", PRIMARY, "db2", SECONDARY), Map.of("db1", DOWN, "db2", SECONDARY)))
                .containsExactly("PRIMARY_LOST db1", "MEMBER_DOWN db1");
    }

    @Test
    void aMemberComingBackIsRecovered() {
        assertThat(diff(Map.of("db1", PRIMARY, "db2", DOWN), Map.of("db1", PRIMARY, "db2", SECONDARY)))
                .containsExactly("MEMBER_RECOVERED db2");
    }

    @Test
    void aDownMemberThatIsMerelyBeingRecheckedSaysNothing() {
        assertThat(diff(Map.of("db2", DOWN), Map.of("db2", UNKNOWN))).isEmpty();
    }

    @Test
    void losingAStandaloneServerLosesTheWritableMember() {
        assertThat(diff(Map.of("localhost:1", STANDALONE), Map.of("localhost:1", DOWN)))
                .containsExactly("PRIMARY_LOST localhost:1", "MEMBER_DOWN localhost:1");
    }

    @Test
    void noChangeNoEvents() {
        assertThat(diff(Map.of("db1", PRIMARY), Map.of("db1", PRIMARY))).isEmpty();
        List<TopologyEvent> first = TopologyDiff.between(Map.of(), Map.of("db1", PRIMARY), AT);
        assertThat(first).extracting(TopologyEvent::type).containsExactly(Type.PRIMARY_ELECTED, Type.MEMBER_STATE_CHANGED);
    }
}
