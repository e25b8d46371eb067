package dev.reservation.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.harness.checker.TimingChecker;
import dev.reservation.harness.checker.TrialTiming;
import dev.reservation.harness.history.HistoryTerms;
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

/**
 * The nemesis's control flow (what it records, what it waits for, what it heals) against test
 * doubles. How the doubles behave is their own rule ({@link FakeReplicaSet}), not a MongoDB fact;
 * real replica sets run in ReplicaSetScenarioIT.
 */
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
                && (source == null || source.equals(op.value().get(HistoryTerms.SOURCE)))).findFirst();
    }

    @Test
    void recordsTheFaultTheElectionTheHealAndTheCatchUpOfAKilledPrimary() {
        nemesis(psa()).run(Fault.KILL, DOWN, LIMIT);

        assertThat(find(OpType.OK, "kill")).hasValueSatisfying(op -> assertThat(op.value())
                .containsEntry(HistoryTerms.MEMBER, "m0:1").containsEntry(HistoryTerms.PHASE, HistoryTerms.PHASE_FAULT).containsKey(HistoryTerms.WALL));
        assertThat(event(HistoryTerms.PRIMARY_ELECTED, HistoryTerms.SOURCE_SERVER)).hasValueSatisfying(op -> assertThat(op.value())
                .containsEntry(HistoryTerms.MEMBER, "m1:2").containsEntry("term", "2").containsKey(HistoryTerms.ELECTION_WALL));
        assertThat(find(OpType.OK, "start")).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(HistoryTerms.MEMBER, "m0:1").containsEntry(HistoryTerms.PHASE, HistoryTerms.PHASE_HEAL));
        assertThat(event(HistoryTerms.MEMBER_CAUGHT_UP, null)).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(HistoryTerms.MEMBER, "m0:1"));

        TrialTiming t = new TimingChecker().measure(0, history.ops());
        assertThat(t.electionMs()).isBetween(100.0, 2000.0);
        assertThat(t.electionSource()).isEqualTo(HistoryTerms.SOURCE_SERVER);
        assertThat(t.catchUpMs()).isBetween(80.0, 2000.0);
        assertThat(t.writableAgainMs()).as("the fake PSA set takes majority writes only with two data members").isGreaterThan(290.0);
    }

    @Test
    void recordsWritableAgainAsSoonAsAProbeWriteIsAcknowledgedEvenBeforeTheHeal() {
        nemesis(new FakeReplicaSet(false, Duration.ofMillis(100), Duration.ofMillis(50))).run(Fault.KILL, DOWN, LIMIT);

        Op writable = event(HistoryTerms.WRITABLE_AGAIN, HistoryTerms.SOURCE_POLL).orElseThrow();
        assertThat(writable.time()).isLessThan(find(OpType.INVOKE, "start").orElseThrow().time());
    }

    @Test
    void recordsNoElectionWhileThePrimaryStaysAndWaitsForTheHealedSecondaryToCatchUp() {
        nemesis(psa()).run(Fault.KILL_SECONDARY, DOWN, LIMIT);

        assertThat(find(OpType.OK, "kill-secondary")).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(HistoryTerms.MEMBER, "m1:2"));
        assertThat(event(HistoryTerms.PRIMARY_ELECTED, null)).isEmpty();
        assertThat(event(HistoryTerms.MEMBER_CAUGHT_UP, null)).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(HistoryTerms.MEMBER, "m1:2"));
    }

    @Test
    void recordsTheNewPrimaryAfterAStepDownAndHealsNothing() {
        nemesis(psa()).run(Fault.STEPDOWN, DOWN, LIMIT);

        assertThat(event(HistoryTerms.PRIMARY_ELECTED, HistoryTerms.SOURCE_SERVER)).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(HistoryTerms.MEMBER, "m1:2"));
        assertThat(history.ops()).noneMatch(op -> HistoryTerms.PHASE_HEAL.equals(op.value().get(HistoryTerms.PHASE)));
    }

    @Test
    void thawsAFrozenPrimaryAndWaitsForItToCatchUp() {
        nemesis(psa()).run(Fault.FREEZE, DOWN, LIMIT);

        assertThat(find(OpType.OK, "thaw")).isPresent();
        assertThat(event(HistoryTerms.MEMBER_CAUGHT_UP, null)).hasValueSatisfying(op ->
                assertThat(op.value()).containsEntry(HistoryTerms.MEMBER, "m0:1"));
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
            assertThat(op.f()).isEqualTo(HistoryTerms.TIMEOUT);
            assertThat(op.value().get(HistoryTerms.DETAIL)).contains("within 100 ms");
        });
    }
}
