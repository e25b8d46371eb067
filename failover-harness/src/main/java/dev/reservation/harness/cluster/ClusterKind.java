package dev.reservation.harness.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which cluster a run measures, and what its results mean. */
public enum ClusterKind {
    /** Primary, secondary, arbiter: mongod processes on loopback ports in a scratch directory. */
    LOCAL_PSA("local-psa", true),
    /** Primary and two secondaries: mongod processes on loopback ports in a scratch directory. */
    LOCAL_PSS("local-pss", true),
    /** A PSA set of mongod containers started through Testcontainers (Docker). */
    CONTAINERS("containers", true),
    /** An existing replica set reached by URI; faults limited to step-down and the user's hooks. */
    EXTERNAL("external", true),
    /**
     * The embedded wire-protocol server as a separate OS process: ONE node, no replication, so there
     * is no election; "election time" means "time until the restarted node takes writes again".
     */
    EMBEDDED_PROCESS("embedded-process", false),
    /**
     * The replication rig inside the harness's JVM: a SIMULATION of a PSA replica set's replication
     * semantics (commit point, rollback, write-concern and retryable-write behaviour) that the real
     * driver talks to. Nothing measured on it is MongoDB's timing.
     */
    RIG_PSA("rig-psa", true, true),
    /**
     * Test doubles of the harness's own tests, a replica set and a single node: they exercise the
     * harness's control flow. Never started by {@code --cluster}; what they do is a fake's rule, not
     * MongoDB's behaviour.
     */
    TEST_DOUBLE_SET("test-double-set", true),
    TEST_DOUBLE_NODE("test-double-node", false);

    private final String label;
    private final boolean replicaSet;
    private final boolean simulation;

    ClusterKind(String label, boolean replicaSet) {
        this(label, replicaSet, false);
    }

    ClusterKind(String label, boolean replicaSet, boolean simulation) {
        this.label = label;
        this.replicaSet = replicaSet;
        this.simulation = simulation;
    }

    /** True for the rig: its data plane is a simulation and every report of it says so first. */
    public boolean simulation() {
        return simulation;
    }

    public String label() {
        return label;
    }

    public boolean replicaSet() {
        return replicaSet;
    }

    public static ClusterKind parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(ClusterKind::launchable).filter(k -> k.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cluster '" + text + "'; choose one of "
                        + Arrays.stream(values()).filter(ClusterKind::launchable).map(ClusterKind::label)
                        .collect(Collectors.joining(", "))));
    }

    /** False for the test doubles: {@code --cluster} can start every other kind. */
    public boolean launchable() {
        return this != TEST_DOUBLE_SET && this != TEST_DOUBLE_NODE;
    }
}
