package dev.reservation.core.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of writing a marker with majority write concern and timing how long until each other
 * data-bearing member could read it.
 */
public record ReplicationReport(
        Instant startedAt,
        Duration majorityAcknowledgedAfter,
        List<MemberResult> members,
        String note) {

    public ReplicationReport {
        members = List.copyOf(members);
    }

    /** One member: when the marker became readable there, or why it did not within the timeout. */
    public record MemberResult(String host, MemberState state, Optional<Duration> visibleAfter, Optional<String> error) {
        public MemberResult {
            visibleAfter = visibleAfter == null ? Optional.empty() : visibleAfter;
            error = error == null ? Optional.empty() : error;
        }
    }
}
