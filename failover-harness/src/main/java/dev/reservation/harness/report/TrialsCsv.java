package dev.reservation.harness.report;

import dev.reservation.harness.TrialResult;
import dev.reservation.harness.checker.TrialTiming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code trials.csv}: one row per trial, empty cells for what was not observed. Stateless. */
public final class TrialsCsv {
    static final String HEADER = "trial,fault,member,election_ms,election_source,election_server_ms,"
            + "election_driver_ms,writable_again_ms,unavailability_ms,failed_during,unknown_during,catch_up_ms,"
            + "reserve_ok,reserve_conflict,reserve_fail,reserve_unknown,read_ok,read_fail,latency_p50_ms,"
            + "latency_p99_ms,latency_max_ms,valid,violations,incomplete";

    private TrialsCsv() {
    }

    public static String render(List<TrialResult> trials) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (TrialResult t : trials) {
            TrialTiming m = t.timing();
            TrialResult.OpCounts o = t.ops();
            csv.append(String.join(",", List.of(Integer.toString(t.trial()), text(m.fault()), text(m.member()),
                    num(m.electionMs()), text(m.electionSource()), num(m.electionServerMs()), num(m.electionDriverMs()),
                    num(m.writableAgainMs()), num(m.unavailabilityMs()), Long.toString(m.failedDuring()),
                    Long.toString(m.unknownDuring()), num(m.catchUpMs()), Long.toString(o.reserveOk()),
                    Long.toString(o.reserveConflict()), Long.toString(o.reserveFail()), Long.toString(o.reserveUnknown()),
                    Long.toString(o.readOk()), Long.toString(o.readFail()), num(t.reserveLatency().p50()),
                    num(t.reserveLatency().p99()), num(t.reserveLatency().max()), Boolean.toString(t.valid()),
                    Long.toString(t.checks().stream().mapToLong(c -> c.violations().size()).sum()),
                    text(t.incomplete())))).append('\n');
        }
        return csv.toString();
    }

    public static void write(Path file, List<TrialResult> trials) throws IOException {
        Files.writeString(file, render(trials), StandardCharsets.UTF_8);
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
