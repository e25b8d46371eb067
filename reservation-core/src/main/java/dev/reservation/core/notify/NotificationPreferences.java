package dev.reservation.core.notify;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.PermissionDeniedException;
import java.util.Objects;

/** A user's own notification choices (or any user's, for an ADMIN). Thread-safe. */
public final class NotificationPreferences {
    private final NotificationPrefsStore store;

    public NotificationPreferences(NotificationPrefsStore store) {
        this.store = Objects.requireNonNull(store);
    }

    public boolean emailEnabled(Actor actor, String userId) {
        require(actor, userId);
        return store.emailEnabled(userId);
    }

    public void setEmailEnabled(Actor actor, String userId, boolean enabled) {
        require(actor, userId);
        store.setEmailEnabled(userId, enabled);
    }

    private static void require(Actor actor, String userId) {
        if (!Permissions.allowed(actor, Permissions.Operation.SEE_DETAILS, userId)) {
            throw new PermissionDeniedException("only the user themselves or an admin may change their notifications");
        }
    }
}
