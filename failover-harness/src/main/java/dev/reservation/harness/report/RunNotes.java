package dev.reservation.harness.report;

import dev.reservation.harness.cluster.ClusterKind;
import java.util.ArrayList;
import java.util.List;

/** What the numbers of a run mean for its cluster kind: the notes every report carries. */
public final class RunNotes {
    private RunNotes() {
    }

    public static List<String> forKind(ClusterKind kind, String clientSettings) {
        List<String> notes = new ArrayList<>();
        switch (kind) {
            case EMBEDDED_PROCESS -> {
                notes.add("Single node, no replication: there is no election. 'election' is the time from the fault "
                        + "until the restarted node acknowledged the harness's probe write; there is no catch-up.");
                notes.add("These numbers measure a process restart of the embedded wire-protocol server, not MongoDB "
                        + "replica-set failover; the safety checks (no lost or double bookings) still apply.");
            }
            case LOCAL_PSA, LOCAL_PSS -> notes.add("Real mongod processes on one machine over loopback: no network "
                    + "latency or loss; the server-view election time compares the new primary's lastElectionDate with "
                    + "the harness's clock, both on this machine.");
            case CONTAINERS -> notes.add("mongod containers on the host network of one machine: as local processes, "
                    + "plus Docker's overhead; freeze is docker pause (cgroup freezer).");
            case EXTERNAL -> notes.add("External cluster: the server-view election time compares the server's clock "
                    + "with the harness's, so clock skew between the machines enters it; driver-view and client-view "
                    + "times are on the harness's monotonic clock.");
        }
        if (kind == ClusterKind.LOCAL_PSA || kind == ClusterKind.CONTAINERS) {
            notes.add("PSA: with one data-bearing member down, majority writes cannot be acknowledged; expect "
                    + "client unavailability to last until the member is back, not just until the election.");
        }
        notes.add("Client-observed unavailability: last ok reservation before the fault took effect to the first ok "
                + "after, on the harness's monotonic clock; it depends on the client's settings (" + clientSettings + ").");
        notes.add("No lost writes: every ok reservation is in the final state read after healing, no failed one is; "
                + "unknown (info) outcomes may go either way and are counted.");
        return notes;
    }
}
