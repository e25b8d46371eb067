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
        SEE_DETAILS("see this reservation's details");

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
            case MANAGE_USERS, MANAGE_ROOMS, MANAGE_LOCATIONS -> false;
            case RESERVE, CANCEL, SEE_DETAILS -> actor.userId().equals(ownerUserId);
        };
    }

    public static void require(Actor actor, Operation operation, String ownerUserId) {
        if (!allowed(actor, operation, ownerUserId)) {
            throw new PermissionDeniedException("a " + actor.role().name().toLowerCase(java.util.Locale.ROOT)
                    + " may not " + operation.description + (operation == Operation.MANAGE_USERS
                    || operation == Operation.MANAGE_ROOMS || operation == Operation.MANAGE_LOCATIONS ? "" : " (it belongs to someone else)"));
        }
    }
}
