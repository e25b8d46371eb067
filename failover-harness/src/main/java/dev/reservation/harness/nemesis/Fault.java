package dev.reservation.harness.nemesis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The faults the nemesis can inject, one per trial. */
public enum Fault {
    /** SIGKILL the primary; after the down time, start it again and time its catch-up. */
    KILL("kill", "kill -9 of the primary"),
    /** Clean shutdown of the primary (SIGTERM / shutdown command); after the down time, start it again. */
    SHUTDOWN("shutdown", "clean shutdown of the primary"),
    /** SIGSTOP the primary for the down time, then SIGCONT: it comes back believing it is primary. */
    FREEZE("freeze", "SIGSTOP of the primary, SIGCONT after the down time"),
    /** {@code replSetStepDown} on the primary: an election without anything dying. */
    STEPDOWN("stepdown", "replSetStepDown of the primary"),
    /** SIGKILL a data-bearing secondary (in PSA, majority writes stall) and start it after the down time. */
    KILL_SECONDARY("kill-secondary", "kill -9 of a secondary"),
    /** Clean shutdown of the primary and an immediate start: a restart as in maintenance. */
    RESTART("restart", "restart (clean shutdown, immediate start) of the primary"),

    // the replication rig's faults (--cluster rig-psa): several per trial, each held for 1 to 5 write timeouts
    /** The rig's commit point stalls (the PSA set's secondary down): majority writes time out, then it resumes. */
    STALL_COMMIT("stall-commit", "rig: the commit point stalls (the secondary of the simulated PSA set down) for a "
            + "random 1-5 write timeouts, again and again", true),
    /** A stall, then a simulated failover that rolls back the uncommitted suffix, then the commit point resumes. */
    FAILOVER_ROLLBACK("failover-rollback", "rig: the commit point stalls, then a simulated failover (no primary for "
            + "100-400 ms) rolls back every write not yet committed, again and again", true),
    /** Windows of injected errors on writes. */
    ERRORS("errors", "rig: windows of injected errors on writes: NotWritablePrimary, connections closed before or "
            + "after applying (and a retry refused as not primary), delays, write-concern errors", true),
    /** Windows of replication lag. */
    LAG("lag", "rig: windows of random replication lag up to 2 write timeouts per write", true),
    /** Each fault event one of the rig faults above, at random. */
    MIXED("mixed", "rig: a random mix of stall-commit, failover-rollback, errors and lag", true);

    private final String label;
    private final String description;
    private final boolean rig;

    Fault(String label, String description) {
        this(label, description, false);
    }

    Fault(String label, String description, boolean rig) {
        this.label = label;
        this.description = description;
        this.rig = rig;
    }

    /** A fault of the replication rig (only for {@code --cluster rig-psa}, which has only these). */
    public boolean rig() {
        return rig;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Faults that take the primary away, so that a new one must be elected (or the node come back). */
    public boolean targetsPrimary() {
        return this != KILL_SECONDARY;
    }

    public static Fault parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + text + "'; choose one of "
                        + Arrays.stream(values()).map(Fault::label).collect(Collectors.joining(", "))));
    }
}
