package dev.reservation.core.ops;

import dev.reservation.core.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * How a room is run, apart from the room itself: whether requests need approval and who approves
 * them (besides every ADMIN), the check-in window around a reservation's start, whether a reservation
 * not checked in by the end of that window is released automatically, and the hash of a door-display
 * token issued by an older version ({@code displayTokenHash}, null: none). Display tokens now live in
 * the API token store ({@code service.ApiTokens}, scope display); the hash here is only read, as a
 * fallback, so that a display set up before keeps working until its token is re-issued or revoked
 * (which clears it). A room with no saved settings runs as {@link #defaults}. Immutable.
 */
public record RoomOperations(String roomId, boolean requiresApproval, Set<String> approvers, Duration checkInBefore,
                             Duration checkInAfter, boolean autoRelease, String displayTokenHash) {
    public static final Duration DEFAULT_BEFORE = Duration.ofMinutes(10);
    public static final Duration DEFAULT_AFTER = Duration.ofMinutes(15);
    private static final Duration MAX_WINDOW = Duration.ofHours(2);

    public RoomOperations {
        if (roomId == null || roomId.isBlank()) {
            throw new InvalidInputException("roomId", "roomId is required");
        }
        approvers = approvers == null ? Set.of() : Set.copyOf(approvers);
        checkInBefore = checkInBefore == null ? DEFAULT_BEFORE : checkInBefore;
        checkInAfter = checkInAfter == null ? DEFAULT_AFTER : checkInAfter;
        if (checkInBefore.isNegative() || checkInBefore.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("checkInBefore", "check-in may open 0 to 120 minutes before the start");
        }
        if (checkInAfter.compareTo(Duration.ofMinutes(1)) < 0 || checkInAfter.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("checkInAfter", "check-in must stay open 1 to 120 minutes after the start");
        }
    }

    /** A room nobody configured: no approval, check-in from 10 minutes before to 15 after, auto-release on. */
    public static RoomOperations defaults(String roomId) {
        return new RoomOperations(roomId, false, Set.of(), DEFAULT_BEFORE, DEFAULT_AFTER, true, null);
    }

    /** When check-in opens for a reservation starting at {@code start}. */
    public Instant checkInOpens(Instant start) {
        return start.minus(checkInBefore);
    }

    /** When check-in closes (and an unchecked reservation is released, if the room auto-releases). */
    public Instant checkInCloses(Instant start) {
        return start.plus(checkInAfter);
    }

    public RoomOperations withDisplayTokenHash(String hash) {
        return new RoomOperations(roomId, requiresApproval, approvers, checkInBefore, checkInAfter, autoRelease, hash);
    }

    /** Whether the room still has a display token of an older version (see the class comment). */
    public boolean hasLegacyDisplayToken() {
        return displayTokenHash != null;
    }
}
