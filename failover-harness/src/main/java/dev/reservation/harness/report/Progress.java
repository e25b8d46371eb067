package dev.reservation.harness.report;

import dev.reservation.harness.TrialResult;
import dev.reservation.harness.checker.TrialTiming;
import dev.reservation.harness.history.Fn;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress lines on the terminal: what the nemesis does and what the cluster reports as it happens
 * (it listens to the history), and one summary line per trial. Thread-safe (synchronized).
 */
public final class Progress implements Consumer<Op> {
    private final PrintWriter out;
    private final int trials;
    private final boolean replicated;

    /** @param replicated false for a single node, where there is no election, only "back again" */
    public Progress(PrintWriter out, int trials, boolean replicated) {
        this.out = out;
        this.trials = trials;
        this.replicated = replicated;
    }

    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public synchronized void accept(Op op) {
        if (op.isClient() || op.type() == OpType.INVOKE || op.f().equals(Fn.TRIAL_END)) {
            return;
        }
        String what = switch (op.type()) {
            case OK -> op.f() + " " + op.value().getOrDefault(Fn.MEMBER, "") + " done";
            case FAIL -> op.f() + " " + op.value().getOrDefault(Fn.MEMBER, "") + " FAILED: " + op.error();
            default -> op.f() + describe(op);
        };
        out.printf(Locale.ROOT, "  [trial %d/%d %7.2f s] %s %s%n", op.trial(), trials, op.time() / 1e9, op.process(), what);
        out.flush();
    }

    private static String describe(Op op) {
        StringBuilder s = new StringBuilder();
        for (String key : new String[] {Fn.MEMBER, Fn.SOURCE, Fn.DETAIL}) {
            String v = op.value().get(key);
            if (v != null && !v.isBlank()) {
                s.append(' ').append(key).append('=').append(v);
            }
        }
        return s.toString();
    }

    public synchronized void trial(TrialResult r) {
        TrialTiming t = r.timing();
        out.printf(Locale.ROOT, "trial %d/%d %s %s: %s %s%s, writable again %s, clients could not write for %s "
                        + "(%d failed, %d unknown), catch-up %s; %d ok writes, %d conflicts; checks %s%n",
                r.trial(), trials, s(t.fault()), s(t.member()), replicated ? "election" : "node back (no election)",
                ms(t.electionMs()),
                t.electionSource() == null ? "" : " (" + t.electionSource() + ")", ms(t.writableAgainMs()),
                ms(t.unavailabilityMs()), t.failedDuring(), t.unknownDuring(), ms(t.catchUpMs()), r.ops().reserveOk(),
                r.ops().reserveConflict(), r.incomplete() != null ? "NOT RUN: " + r.incomplete()
                        : r.valid() ? "passed" : "VIOLATED");
        out.flush();
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String s(String value) {
        return value == null ? "-" : value;
    }
}
