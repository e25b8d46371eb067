package dev.reservation.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.harness.cluster.RigCluster;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rig nemesis against a real replication rig (a SIMULATION of a PSA set, in this JVM), without a workload. */
class RigNemesisTest {
    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(100);
    private final RigCluster rig = RigCluster.start();
    private final History history = new History(MonotonicClock.system());

    @AfterEach
    void close() {
        rig.close();
    }

    private RigNemesis nemesis(double holdMin, double holdMax) {
        return new RigNemesis(rig, history, MonotonicClock.system(), Clock.systemUTC(),
                new RigNemesis.Settings(WRITE_TIMEOUT, holdMin, holdMax, Duration.ofMillis(10), Duration.ofMillis(30), 5), 1);
    }

    private List<Op> done(String f) {
        return history.ops().stream().filter(op -> op.is(OpType.OK, f) && op.process().equals("nemesis")).toList();
    }

    @Test
    void stallsTheCommitPointAgainAndAgainForOneToFiveWriteTimeoutsAndLeavesItMoving() {
        nemesis(1, 5).run(Fault.STALL_COMMIT, Duration.ZERO, Duration.ofMillis(1500), Duration.ofSeconds(5));

        List<Op> stalls = done("stall-commit");
        assertThat(stalls).hasSizeGreaterThanOrEqualTo(2).allSatisfy(op -> {
            assertThat(op.value()).containsEntry(HistoryTerms.PHASE, HistoryTerms.PHASE_FAULT).containsEntry(HistoryTerms.MEMBER, rig.members().get(1));
            assertThat(Long.parseLong(op.value().get(HistoryTerms.HOLD_MS))).isBetween(100L, 500L);
        });
        assertThat(done("resume-commit")).hasSameSizeAs(stalls);
        assertThat(rig.stalled()).isFalse();
        assertThat(rig.view().settled()).isTrue();
    }

    @Test
    void failsOverWithRollbackAndRecordsWhatWasRolledBack() {
        nemesis(1, 2).run(Fault.FAILOVER_ROLLBACK, Duration.ZERO, Duration.ofMillis(900), Duration.ofSeconds(5));

        assertThat(done("failover")).isNotEmpty().allSatisfy(op -> assertThat(op.value()).containsKey("rolledBack"));
        assertThat(history.ops()).anyMatch(op -> op.is(OpType.EVENT, HistoryTerms.PRIMARY_ELECTED)
                && HistoryTerms.SOURCE_RIG.equals(op.value().get(HistoryTerms.SOURCE)));
        assertThat(rig.term()).isGreaterThan(1);
        assertThat(rig.view().settled()).isTrue();
    }

    @Test
    void opensErrorWindowsAndLagAndDisarmsThemAll() {
        nemesis(1, 2).run(Fault.MIXED, Duration.ZERO, Duration.ofMillis(2500), Duration.ofSeconds(5));

        long faults = history.ops().stream().filter(op -> op.type() == OpType.OK
                && HistoryTerms.PHASE_FAULT.equals(op.value().get(HistoryTerms.PHASE))).count();
        long heals = history.ops().stream().filter(op -> op.type() == OpType.OK
                && HistoryTerms.PHASE_HEAL.equals(op.value().get(HistoryTerms.PHASE))).count();
        assertThat(faults).isGreaterThanOrEqualTo(4);
        assertThat(heals).as("every stall, error window and lag is healed").isGreaterThanOrEqualTo(faults - done("failover").size());
        assertThat(rig.view().settled()).isTrue();
        assertThat(rig.rig().awaitReplicated(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void refusesAProcessFaultItCannotInject() {
        nemesis(1, 5).run(Fault.KILL, Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(5));

        assertThat(history.ops()).anySatisfy(op -> {
            assertThat(op.type()).isEqualTo(OpType.FAIL);
            assertThat(op.error()).contains("replication rig injects");
        });
    }
}
