package dev.reservation.harness.report;

import dev.reservation.harness.checker.TrialResult;
import dev.reservation.harness.checker.CheckResult;
import dev.reservation.harness.checker.TrialTiming;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress lines on the terminal: what the nemesis does and what the cluster reports as it happens
 * (it listens to the history), and a summary of each trial: its timings (on the rig: its faults), its
 * operations by outcome, how much they contended, and its checks, naming the first violations.
 * Thread-safe (synchronized).
 */
public final class Progress implements Consumer<Op> {
    /** How many violations of a trial the terminal shows (all are in the report). */
    static final int SHOWN_VIOLATIONS = 5;
    private final PrintWriter out;
    private final int trials;
    private final boolean replicated;
    private final boolean simulation;

    /**
     * @param replicated false for a single node, where there is no election, only "back again"
     * @param simulation true on the replication rig, where timings are the simulation's
     */
    public Progress(PrintWriter out, int trials, boolean replicated, boolean simulation) {
        this.out = out;
        this.trials = trials;
        this.replicated = replicated;
        this.simulation = simulation;
    }

    public Progress(PrintWriter out, int trials, boolean replicated) {
        this(out, trials, replicated, false);
    }

    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public synchronized void accept(Op op) {
        if (op.isClient() || op.type() == OpType.INVOKE || op.f().equals(HistoryTerms.TRIAL_END)) {
            return;
        }
        String what = switch (op.type()) {
            case OK -> op.f() + " " + op.value().getOrDefault(HistoryTerms.MEMBER, "") + " done" + extra(op);
            case FAIL -> op.f() + " " + op.value().getOrDefault(HistoryTerms.MEMBER, "") + " FAILED: " + op.error();
            default -> op.f() + describe(op);
        };
        out.printf(Locale.ROOT, "  [trial %d/%d %7.2f s] %s %s%n", op.trial(), trials, op.time() / 1e9, op.process(), what);
        out.flush();
    }

    private static String extra(Op op) {
        StringBuilder s = new StringBuilder();
        for (String key : new String[] {"kind", HistoryTerms.HOLD_MS, "rolledBack", "fired"}) {
            String v = op.value().get(key);
            if (v != null) {
                s.append(' ').append(key).append('=').append(v);
            }
        }
        return s.toString();
    }

    private static String describe(Op op) {
        StringBuilder s = new StringBuilder();
        for (String key : new String[] {HistoryTerms.MEMBER, HistoryTerms.SOURCE, HistoryTerms.DETAIL}) {
            String v = op.value().get(key);
            if (v != null && !v.isBlank()) {
                s.append(' ').append(key).append('=').append(v);
            }
        }
        return s.toString();
    }

    public synchronized void trial(TrialResult r) {
        TrialTiming t = r.timing();
        TrialResult.OpCounts o = r.ops();
        String timings = simulation
                ? String.format(Locale.ROOT, "%d rig fault events (simulation)", r.faults())
                : String.format(Locale.ROOT, "%s %s: %s%s, writable again %s, clients could not write for %s "
                        + "(%d failed, %d unknown in that window), catch-up %s", s(t.fault()), s(t.member()),
                replicated ? "election " + ms(t.electionMs()) : "no election (single node)",
                t.electionSource() == null ? "" : " (" + t.electionSource() + ")", ms(t.writableAgainMs()),
                ms(t.unavailabilityMs()), t.failedDuring(), t.unknownDuring(), ms(t.catchUpMs()));
        long violations = r.checks().stream().mapToLong(c -> c.violations().size()).sum();
        out.printf(Locale.ROOT, "trial %d/%d %s; bookings %d ok, %d conflict (409), %d failed, %d unknown; "
                        + "cancellations %d ok, %d failed, %d unknown; reads %d ok, %d failed; %s of %d booking attempts "
                        + "overlapped another in flight%s; checks %s%n",
                r.trial(), trials, timings, o.reserveOk(), o.reserveConflict(), o.reserveFail(), o.reserveUnknown(),
                o.cancelOk(), o.cancelFail(), o.cancelUnknown(), o.readOk(), o.readFail(),
                Totals.percent(r.contention().fraction()), r.contention().attempts(),
                r.leftovers().read() ? "; " + r.leftovers().count() + " leftover claims" : "",
                r.incomplete() != null ? (violations > 0 ? "VIOLATED (" + violations + ") and " : "")
                        + "NOT RUN on the final state: " + r.incomplete()
                        : r.valid() ? "passed" : "VIOLATED (" + violations + ")");
        int shown = 0;
        for (CheckResult c : r.checks()) {
            for (String v : c.violations()) {
                if (shown++ < SHOWN_VIOLATIONS) {
                    out.println("    " + c.checker() + ": " + v);
                }
            }
        }
        if (shown > SHOWN_VIOLATIONS) {
            out.println("    ... and " + (shown - SHOWN_VIOLATIONS) + " more in the report");
        }
        out.flush();
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String s(String value) {
        return value == null ? "-" : value;
    }
}
