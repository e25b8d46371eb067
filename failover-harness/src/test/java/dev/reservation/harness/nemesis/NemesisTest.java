package dev.reservation.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.harness.checker.TimingChecker;
import dev.reservation.harness.checker.TrialTiming;
import dev.reservation.harness.history.Fn;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.sim.FakeReplicaSet;
import dev.reservation.harness.sim.SimulatedCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The nemesis's replica-set logic against a miniature fake set (the real ones run in ReplicaSetScenarioIT). */
class NemesisTest {
    private static final Duration DOWN = Duration.ofMillis(300);
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private final History history = new History(MonotonicClock.system());

    private Nemesis nemesis(dev.reservation.harness.cluster.ClusterControl cluster) {
        return new Nemesis(cluster, history, MonotonicClock.system(), Clock.systemUTC(), Duration.ofMillis(10));
    }

    private static FakeReplicaSet psa() {
        return new FakeReplicaSet(true, Duration.ofMillis(150), Duration.ofMillis(100));
    }

    private Optional<Op> find(OpType type, String f) {
        return history.ops().stream().filter(op -> op.is(type, f)).findFirst();
    }

    private Optional<Op> event(String f, String source) {
        return history.ops().stream().filter(op -> op.is(OpType.EVENT, f)
                && (source == null || source.equals(op.value().get(Fn.SOURCE)))).findFirst();
    }

    @Test
    void killOfThePrimaryRecordsTheFaultTheElectionTheHealAndTheCatchUp() {
        nemesis(psa()).run(Fault.KILL, DOWN, LIMIT);

        assertThat(find(OpType.OK, "kill")).hasValueSatisfying(op -> assertThat(op.value())
                .containsEntry(Fn.MEMBER, "m0:1").containsEntry(Fn.PHASE, Fn.PHASE_FAULT).containsKey(Fn.WALL));
        assertThat(event(Fn.PRIMARY_ELECTED, Fn.SOURCE_SERVER)).hasValueSatisfying(op -> assertThat(op.value())
                .containsEntry(Fn.MEMBER, "m1:2").containsEntry("term", "2").containsKey(Fn.ELECTION_WALL));
        assertThat(find(OpType.OK, "start")).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(Fn.MEMBER, "m0:1").containsEntry(Fn.PHASE, Fn.PHASE_HEAL));
        assertThat(event(Fn.MEMBER_CAUGHT_UP, null)).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(Fn.MEMBER, "m0:1"));

        TrialTiming t = new TimingChecker().measure(0, history.ops());
        assertThat(t.electionMs()).isBetween(100.0, 2000.0);
        assertThat(t.electionSource()).isEqualTo(Fn.SOURCE_SERVER);
        assertThat(t.catchUpMs()).isBetween(80.0, 2000.0);
        assertThat(t.writableAgainMs()).as("PSA: majority writes wait for the killed member").isGreaterThan(290.0);
    }

    @Test
    void pssTakesMajorityWritesAgainBeforeTheKilledPrimaryReturns() {
        nemesis(new FakeReplicaSet(false, Duration.ofMillis(100), Duration.ofMillis(50))).run(Fault.KILL, DOWN, LIMIT);

        Op writable = event(Fn.PRIMARY_ELECTED, Fn.SOURCE_POLL).orElseThrow();
        assertThat(writable.time()).isLessThan(find(OpType.INVOKE, "start").orElseThrow().time());
    }

    @Test
    void killOfTheSecondaryElectsNobodyAndCatchesTheSecondaryUp() {
        nemesis(psa()).run(Fault.KILL_SECONDARY, DOWN, LIMIT);

        assertThat(find(OpType.OK, "kill-secondary")).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(Fn.MEMBER, "m1:2"));
        assertThat(event(Fn.PRIMARY_ELECTED, null)).isEmpty();
        assertThat(event(Fn.MEMBER_CAUGHT_UP, null)).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(Fn.MEMBER, "m1:2"));
    }

    @Test
    void stepDownElectsAnotherPrimaryWithoutAnyHeal() {
        nemesis(psa()).run(Fault.STEPDOWN, DOWN, LIMIT);

        assertThat(event(Fn.PRIMARY_ELECTED, Fn.SOURCE_SERVER)).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(Fn.MEMBER, "m1:2"));
        assertThat(history.ops()).noneMatch(op -> Fn.PHASE_HEAL.equals(op.value().get(Fn.PHASE)));
    }

    @Test
    void freezeThawsTheOldPrimaryWhichRejoinsAsSecondary() {
        nemesis(psa()).run(Fault.FREEZE, DOWN, LIMIT);

        assertThat(find(OpType.OK, "thaw")).isPresent();
        assertThat(event(Fn.MEMBER_CAUGHT_UP, null)).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(Fn.MEMBER, "m0:1"));
    }

    @Test
    void recordsAFaultItCannotInjectAsFailedAndHealsNothing() {
        nemesis(new SimulatedCluster(false, Clock.systemUTC())).run(Fault.STEPDOWN, DOWN, LIMIT);

        assertThat(find(OpType.FAIL, "stepdown")).hasValueSatisfying(op ->
                assertThat(op.error()).contains("UnsupportedFaultException").contains("simulated single node"));
        assertThat(history.ops()).hasSize(2);
    }

    @Test
    void recordsATimeoutWhenTheClusterDoesNotSettle() {
        FakeReplicaSet set = psa();
        set.member("m1:2").kill();

        assertThat(nemesis(set).awaitSettled(Duration.ofMillis(100))).isFalse();
        List<Op> ops = history.ops();
        assertThat(ops).singleElement().satisfies(op -> {
            assertThat(op.f()).isEqualTo(Fn.TIMEOUT);
            assertThat(op.value().get(Fn.DETAIL)).contains("within 100 ms");
        });
    }
}
