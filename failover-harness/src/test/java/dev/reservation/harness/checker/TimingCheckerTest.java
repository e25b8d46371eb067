package dev.reservation.harness.checker;

import static dev.reservation.harness.history.HandWritten.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimingCheckerTest {
    private static final String A = "2030-01-01T10:00:00Z", B = "2030-01-01T10:15:00Z";
    private final TimingChecker checker = new TimingChecker();

    /** ok at 100, fault at 1000, two failures, an unknown, a conflict, first ok again at 4000, caught up. */
    private static List<Op> killTrial() {
        return history()
                .reserve(90, "c0", "k-1", "r-spree", A, B).ok(100, "c0", "res-1")
                .fault(1000, "kill", "127.0.0.1:27017", 1_700_000_000_000L)
                .reserve(1100, "c0", "k-2", "r-spree", A, B).unavailable(1500, "c0")
                .reserve(1200, "c1", "k-3", "r-spree", A, B).unknown(2500, "c1")
                .reserve(1600, "c0", "k-4", "r-spree", A, B).unavailable(2000, "c0")
                .reserve(2100, "c0", "k-5", "r-spree", A, B).conflict(2200, "c0")
                .event(2600, "server", HistoryTerms.PRIMARY_ELECTED, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_SERVER,
                        HistoryTerms.MEMBER, "127.0.0.1:27018", HistoryTerms.ELECTION_WALL, "1700000001800"))
                .event(2700, "driver", HistoryTerms.PRIMARY_ELECTED, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_DRIVER))
                .event(3000, "harness", HistoryTerms.WRITABLE_AGAIN, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_POLL))
                .reserve(3900, "c1", "k-6", "r-spree", A, B).ok(4000, "c1", "res-6")
                .heal(6000, "127.0.0.1:27017")
                .event(7500, "server", HistoryTerms.MEMBER_CAUGHT_UP, Map.of(HistoryTerms.MEMBER, "127.0.0.1:27017"))
                .ops();
    }

    @Test
    void measuresElectionFromTheServersElectionDateAndTheFaultsWallClock() {
        TrialTiming t = checker.measure(1, killTrial());

        assertThat(t.fault()).isEqualTo("kill");
        assertThat(t.member()).isEqualTo("127.0.0.1:27017");
        assertThat(t.electionServerMs()).isEqualTo(1800.0);
        assertThat(t.electionMs()).isEqualTo(1800.0);
        assertThat(t.electionSource()).isEqualTo(HistoryTerms.SOURCE_SERVER);
        assertThat(t.electionDriverMs()).isCloseTo(1700.0, within(0.01));
        assertThat(t.writableAgainMs()).isCloseTo(2000.0, within(0.01));
    }

    @Test
    void measuresClientUnavailabilityFromLastOkBeforeToFirstOkAfterTheFault() {
        TrialTiming t = checker.measure(1, killTrial());

        assertThat(t.lastOkBeforeMs()).isCloseTo(100.0, within(0.01));
        assertThat(t.firstOkAfterMs()).isCloseTo(4000.0, within(0.01));
        assertThat(t.unavailabilityMs()).isCloseTo(3900.0, within(0.01));
        assertThat(t.failedDuring()).as("conflicts are not unavailability").isEqualTo(2);
        assertThat(t.unknownDuring()).isEqualTo(1);
    }

    @Test
    void measuresCatchUpFromTheRestartToSecondaryAndCaughtUp() {
        assertThat(checker.measure(1, killTrial()).catchUpMs()).isCloseTo(1499.0, within(0.01));
    }

    @Test
    void startsTheClientWindowWhenACleanShutdownHasTakenEffect() {
        List<Op> ops = history()
                .reserve(900, "c0", "k-1", "r-spree", A, B).ok(1000, "c0", "res-1")
                .op(1000, "nemesis", dev.reservation.harness.history.OpType.INVOKE, "shutdown",
                        Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_FAULT, HistoryTerms.MEMBER, "m0"), null)
                .reserve(1100, "c0", "k-2", "r-spree", A, B).ok(1200, "c0", "res-2")
                .op(1400, "nemesis", dev.reservation.harness.history.OpType.OK, "shutdown",
                        Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_FAULT, HistoryTerms.MEMBER, "m0"), null)
                .reserve(1300, "c1", "k-3", "r-spree", A, B).ok(5000, "c1", "res-3")
                .ops();

        TrialTiming t = checker.measure(1, ops);

        assertThat(t.lastOkBeforeMs()).as("still served while shutting down").isCloseTo(1200.0, within(0.01));
        assertThat(t.unavailabilityMs()).isCloseTo(3800.0, within(0.01));
    }

    @Test
    void fallsBackToTheDriverViewWithoutAServerElectionDate() {
        List<Op> ops = history()
                .fault(1000, "stepdown", "m0", 0)
                .event(1250, "driver", HistoryTerms.PRIMARY_ELECTED, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_DRIVER))
                .ops();

        TrialTiming t = checker.measure(1, ops);

        assertThat(t.electionMs()).isCloseTo(250.0, within(0.01));
        assertThat(t.electionSource()).isEqualTo(HistoryTerms.SOURCE_DRIVER);
        assertThat(t.catchUpMs()).isNull();
    }

    @Test
    void leavesUnavailabilityOpenWhenNoWriteSucceededAfterTheFault() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B).ok(10, "c0", "res-1")
                .fault(100, "kill-secondary", "m1", 0)
                .reserve(200, "c0", "k-2", "r-spree", A, B).unknown(5200, "c0")
                .ops();

        TrialTiming t = checker.measure(1, ops);

        assertThat(t.unavailabilityMs()).isNull();
        assertThat(t.unknownDuring()).isEqualTo(1);
        assertThat(t.electionMs()).as("no election after killing a secondary").isNull();
    }

    @Test
    void aSingleNodeIsWritableAgainWithoutAnElection() {
        List<Op> ops = history()
                .fault(100, "kill", "127.0.0.1:27017", 0)
                .event(900, "harness", HistoryTerms.WRITABLE_AGAIN, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_POLL))
                .ops();

        TrialTiming t = checker.measure(1, ops);

        assertThat(t.writableAgainMs()).isCloseTo(800.0, within(0.01));
        assertThat(t.electionMs()).isNull();
        assertThat(t.electionSource()).isNull();
    }

    @Test
    void readsAnOldHistoryThatRecordedWritableAgainAsAPollElection() {
        List<Op> ops = history()
                .fault(100, "kill", "127.0.0.1:27017", 0)
                .event(600, "harness", HistoryTerms.PRIMARY_ELECTED, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_POLL))
                .ops();

        TrialTiming t = checker.measure(1, ops);

        assertThat(t.writableAgainMs()).isCloseTo(500.0, within(0.01));
        assertThat(t.electionMs()).isNull();
    }

    @Test
    void reportsNothingForATrialWithoutAFault() {
        TrialTiming t = checker.measure(4, history().reserve(0, "c0", "k", "r", A, B).ok(1, "c0", "x").ops());

        assertThat(t.trial()).isEqualTo(4);
        assertThat(t.fault()).isNull();
        assertThat(t.unavailabilityMs()).isNull();
    }
}
