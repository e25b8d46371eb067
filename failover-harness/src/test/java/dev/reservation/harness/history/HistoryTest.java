package dev.reservation.harness.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    private final AtomicLong nanos = new AtomicLong(5_000);
    private final MonotonicClock clock = nanos::get;

    @Test
    void stampsEntriesWithTimeSinceTheRunBeganAndTheCurrentTrial() {
        History history = new History(clock);
        nanos.addAndGet(1_000);
        history.startTrial(2);
        Op invoke = history.invoke("c0", HistoryTerms.RESERVE, Map.of(HistoryTerms.KEY, "k-1"));

        assertThat(invoke.time()).isEqualTo(1_000);
        assertThat(invoke.trial()).isEqualTo(2);
        assertThat(invoke.index()).isZero();
    }

    @Test
    void completionKeepsTheInvocationsArgumentsAndAddsTheResult() {
        History history = new History(clock);
        Op invoke = history.invoke("c0", HistoryTerms.RESERVE, Map.of(HistoryTerms.KEY, "k-1"));
        Op ok = history.complete(invoke, OpType.OK, Map.of(HistoryTerms.ID, "res-1"), null);

        assertThat(ok.value()).containsEntry(HistoryTerms.KEY, "k-1").containsEntry(HistoryTerms.ID, "res-1");
        assertThat(ok.index()).isEqualTo(1);
    }

    @Test
    void completesAnOperationInTheTrialItWasInvokedIn() {
        History history = new History(clock);
        history.startTrial(1);
        Op invoke = history.invoke("c0", HistoryTerms.RESERVE, Map.of(HistoryTerms.KEY, "k-1"));
        history.startTrial(2);

        assertThat(history.complete(invoke, OpType.INFO, Map.of(), "stuck").trial()).isEqualTo(1);
        assertThat(history.event("harness", HistoryTerms.TRIAL_START, Map.of()).trial()).isEqualTo(2);
    }

    @Test
    void refusesToCompleteAnOperationAsAnInvocationOrEvent() {
        History history = new History(clock);
        Op invoke = history.invoke("c0", HistoryTerms.READ, Map.of());

        assertThatThrownBy(() -> history.complete(invoke, OpType.EVENT, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handsEveryEntryToTheSinkAsItIsAppended() {
        List<Op> seen = new ArrayList<>();
        History history = new History(clock, seen::add);
        history.event("harness", HistoryTerms.TRIAL_START, Map.of());
        history.invoke("c1", HistoryTerms.READ, Map.of());

        assertThat(seen).extracting(Op::f).containsExactly(HistoryTerms.TRIAL_START, HistoryTerms.READ);
    }

    @Test
    void writesAndReadsJsonLinesRoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.jsonl");
        History history;
        try (HistoryFiles.Writer writer = new HistoryFiles.Writer(file)) {
            history = new History(clock, writer);
            Op invoke = history.invoke("c0", HistoryTerms.RESERVE, Map.of(HistoryTerms.KEY, "k-1", HistoryTerms.ROOM, "r-spree"));
            history.complete(invoke, OpType.INFO, Map.of(), "timed out \"after\" sending");
            history.event("server", HistoryTerms.PRIMARY_ELECTED, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_SERVER));
        }

        assertThat(Files.readAllLines(file)).hasSize(3).first().asString()
                .contains("\"type\":\"invoke\"").contains("\"f\":\"reserve\"");
        assertThat(HistoryFiles.read(file)).isEqualTo(history.ops());
    }

    @Test
    void pairsEachCompletionWithItsClientsLastInvocation() {
        List<Op> ops = HandWritten.history()
                .reserve(0, "c0", "k-1", "r", "2030-01-01T10:00:00Z", "2030-01-01T10:15:00Z")
                .reserve(1, "c1", "k-2", "r", "2030-01-01T10:00:00Z", "2030-01-01T10:15:00Z")
                .event(2, "server", HistoryTerms.PRIMARY_ELECTED, Map.of())
                .conflict(3, "c1")
                .ok(7, "c0", "res-1")
                .reserve(8, "c1", "k-3", "r", "2030-01-01T10:00:00Z", "2030-01-01T10:15:00Z")
                .ops();

        List<Pairs.Pair> pairs = Pairs.of(ops);

        assertThat(pairs).hasSize(3);
        assertThat(pairs.get(0).latencyNanos()).isEqualTo(7_000_000);
        assertThat(pairs.get(1).outcome()).isEqualTo(OpType.FAIL);
        assertThat(pairs.get(2).completion()).as("still in flight when the history ended").isNull();
        assertThat(pairs.get(2).outcome()).isEqualTo(OpType.INFO);
    }
}
