package dev.reservation.core.auth;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.PermissionDeniedException;

/**
 * Who may do what, in one place: every service asks here, so every frontend and every embedding
 * application gets the same rules. ADMINs manage users and rooms and act on every reservation;
 * MEMBERs reserve for themselves, see their own reservations in full and others' only as busy
 * slots, and cancel only their own. Stateless; thread-safe.
 */
public final class Permissions {
    /** The operations whose permission depends on the actor (and, for some, on whose it is). */
    public enum Operation {
        MANAGE_USERS("manage users"),
        MANAGE_ROOMS("manage rooms"),
        MANAGE_LOCATIONS("manage locations"),
        RESERVE("reserve for this user"),
        CANCEL("cancel this reservation"),
        SEE_DETAILS("see this reservation's details"),
        CHECK_IN("check in to this reservation"),
        MANAGE_QUOTAS("manage quotas"),
        SEE_REPORTS("see usage reports");

        private final String description;

        Operation(String description) {
            this.description = description;
        }
    }

    private Permissions() {
    }

    /**
     * Whether {@code actor} may perform {@code operation}; {@code ownerUserId} is the user the
     * operation is about (the reservation's owner, the user to reserve for), or null.
     */
    public static boolean allowed(Actor actor, Operation operation, String ownerUserId) {
        if (actor.isAdmin()) {
            return true;
        }
        return switch (operation) {
            case MANAGE_USERS, MANAGE_ROOMS, MANAGE_LOCATIONS, MANAGE_QUOTAS, SEE_REPORTS -> false;
            case RESERVE, CANCEL, SEE_DETAILS, CHECK_IN -> actor.userId().equals(ownerUserId);
        };
    }

    public static void require(Actor actor, Operation operation, String ownerUserId) {
        if (!allowed(actor, operation, ownerUserId)) {
            throw new PermissionDeniedException("a " + actor.role().name().toLowerCase(java.util.Locale.ROOT)
                    + " may not " + operation.description + (operation == Operation.MANAGE_USERS
                    || operation == Operation.MANAGE_ROOMS || operation == Operation.MANAGE_LOCATIONS
                    || operation == Operation.MANAGE_QUOTAS || operation == Operation.SEE_REPORTS ? "" : " (it belongs to someone else)"));
        }
    }

    /**
     * Whether {@code actor} may approve or decline requests for a room: every ADMIN, and the users
     * given the approver role for that room ({@code roomApprovers}).
     */
    public static boolean mayApprove(Actor actor, java.util.Set<String> roomApprovers) {
        return actor.isAdmin() || roomApprovers.contains(actor.userId());
    }

    /** What a room's door-display token allows: these two actions on its own room, and nothing else. */
    public enum DisplayAction { CHECK_IN, BOOK_NOW }

    /** Whether a door display of {@code tokenRoomId} may do {@code action} on {@code roomId}: only on its own room. */
    public static boolean displayAllows(String tokenRoomId, DisplayAction action, String roomId) {
        return action != null && tokenRoomId != null && tokenRoomId.equals(roomId);
    }
}
