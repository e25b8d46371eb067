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
    RESTART("restart", "restart (clean shutdown, immediate start) of the primary");

    private final String label;
    private final String description;

    Fault(String label, String description) {
        this.label = label;
        this.description = description;
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
