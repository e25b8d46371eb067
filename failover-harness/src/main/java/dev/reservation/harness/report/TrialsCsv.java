package dev.reservation.harness.report;

import dev.reservation.harness.checker.TrialResult;
import dev.reservation.harness.checker.TrialTiming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code trials.csv}: one row per trial, empty cells for what was not observed. For a run on the
 * replication rig the first line is a comment, {@code # } and the simulation notice (most CSV readers
 * take a {@code comment='#'} option; the header follows on line 2). Stateless.
 */
public final class TrialsCsv {
    static final String HEADER = "trial,fault,member,faults,election_ms,election_source,election_server_ms,"
            + "election_driver_ms,writable_again_ms,unavailability_ms,failed_during,unknown_during,catch_up_ms,"
            + "reserve_ok,reserve_conflict_409,reserve_failed,reserve_unknown,cancel_ok,cancel_failed,cancel_unknown,"
            + "read_ok,read_failed,overlap_fraction,leftover_claims,latency_p50_ms,latency_p99_ms,latency_max_ms,"
            + "valid,violations,incomplete";

    private TrialsCsv() {
    }

    public static String render(RunInfo run, List<TrialResult> trials) {
        StringBuilder csv = new StringBuilder();
        if (run != null && run.simulation() != null) {
            csv.append("# ").append(run.simulation()).append('\n');
        }
        csv.append(HEADER).append('\n');
        for (TrialResult t : trials) {
            TrialTiming m = t.timing();
            TrialResult.OpCounts o = t.ops();
            csv.append(String.join(",", List.of(Integer.toString(t.trial()), text(m.fault()), text(m.member()),
                    Long.toString(t.faults()), num(m.electionMs()), text(m.electionSource()), num(m.electionServerMs()),
                    num(m.electionDriverMs()), num(m.writableAgainMs()), num(m.unavailabilityMs()),
                    Long.toString(m.failedDuring()), Long.toString(m.unknownDuring()), num(m.catchUpMs()),
                    Long.toString(o.reserveOk()), Long.toString(o.reserveConflict()), Long.toString(o.reserveFail()),
                    Long.toString(o.reserveUnknown()), Long.toString(o.cancelOk()), Long.toString(o.cancelFail()),
                    Long.toString(o.cancelUnknown()), Long.toString(o.readOk()), Long.toString(o.readFail()),
                    String.format(Locale.ROOT, "%.3f", t.contention().fraction()),
                    t.leftovers().read() ? Long.toString(t.leftovers().count()) : "",
                    num(t.reserveLatency().p50()), num(t.reserveLatency().p99()), num(t.reserveLatency().max()),
                    Boolean.toString(t.valid()),
                    Long.toString(t.checks().stream().mapToLong(c -> c.violations().size()).sum()),
                    text(t.incomplete())))).append('\n');
        }
        return csv.toString();
    }

    public static void write(Path file, RunInfo run, List<TrialResult> trials) throws IOException {
        Files.writeString(file, render(run, trials), StandardCharsets.UTF_8);
    }

    static String num(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Quotes a cell when it holds a comma, quote or line break. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("(?s).*[\",\\n\\r].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
