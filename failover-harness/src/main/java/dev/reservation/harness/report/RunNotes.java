package dev.reservation.harness.report;

import dev.reservation.harness.cluster.ClusterKind;
import dev.reservation.rig.ReplicationRig;
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
                notes.add("Single node, no replication: there is no election and no catch-up. 'Writable again' is the "
                        + "time from the fault until the restarted node acknowledged the harness's probe write.");
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
            case TEST_DOUBLE_SET, TEST_DOUBLE_NODE -> notes.add("A test double of the harness's own tests: its "
                    + "behaviour and timings are the fake's rules, not MongoDB's.");
            case RIG_PSA -> {
                notes.add(ReplicationRig.SIMULATION_NOTICE + ".");
                notes.add("The rig runs inside the harness's JVM and models a PSA set's replication semantics: majority "
                        + "commit point, write-concern timeouts, rollback of the uncommitted suffix on a simulated "
                        + "failover, retryable writes, injected errors. The real driver and the real store talk to it. "
                        + "Every timing here (latencies, 'election', unavailability) is the simulation's, never "
                        + "MongoDB's; what the run shows is whether the store's protocol keeps its promises under "
                        + "these semantics.");
            }
        }
        if (kind == ClusterKind.LOCAL_PSA || kind == ClusterKind.CONTAINERS) {
            notes.add("PSA: with one data-bearing member down, majority writes cannot be acknowledged; expect "
                    + "client unavailability to last until the member is back, not just until the election.");
        }
        notes.add("Client-observed unavailability: last ok reservation before the (first) fault took effect to the "
                + "first ok after, on the harness's monotonic clock; it depends on the client's settings ("
                + clientSettings + ").");
        notes.add("Booking outcomes: ok = booked; conflict = HTTP 409 in the web app: an overlapping slot is held by "
                + "someone else and nothing was booked, a definite answer and not a failure; failed = certainly "
                + "not booked for another reason (store unavailable, a rule); unknown = the outcome could not be "
                + "told (it may or may not have been applied). Cancellations likewise.");
        notes.add("No lost writes: every ok booking is in the final state under the id its client got, no failed or "
                + "409 one is; after an ok cancellation it is CANCELLED, after a failed one still CONFIRMED; unknown "
                + "outcomes may go either way and are counted.");
        notes.add("Store invariants, on the final state read from the raw collections (a client of its own, majority "
                + "read concern, primary, after every client stopped): every CONFIRMED reservation holds a claim in "
                + "each room-day bucket it touches, no two claims in a bucket overlap, no two CONFIRMED reservations "
                + "of a room overlap. Claims of cancelled, abandoned or missing reservations are leftovers, reported "
                + "apart: the store releases a cancelled reservation's claims best-effort and the next booking that "
                + "meets one removes it.");
        notes.add("No double booking over time: two ok bookings of overlapping slots in one room must never both be "
                + "held (from their ok until a cancellation of them is invoked). Reads: a read never shows a booking "
                + "that failed or two overlapping CONFIRMED reservations, and shows its client's own ok bookings "
                + "(and cancellations) from before it.");
        return notes;
    }
}
