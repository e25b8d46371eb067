package dev.reservation.web.auth;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.PermissionDeniedException;

/**
 * A MEMBER sees others' reservations only as busy slots without an owner, so filtering a list by
 * another user would tell them whose the busy slots are. Only ADMINs filter by any user; a MEMBER
 * only by themselves. Stateless; thread-safe.
 */
public final class OwnerFilter {
    private OwnerFilter() {
    }

    /** @throws PermissionDeniedException when a MEMBER filters by someone else */
    public static void check(Actor actor, String userIdFilter) {
        if (userIdFilter != null && !actor.isAdmin() && !actor.userId().equals(userIdFilter)) {
            throw new PermissionDeniedException("a member may filter reservations only by their own user id:"
                    + " others' reservations show as busy slots without an owner");
        }
    }
}
