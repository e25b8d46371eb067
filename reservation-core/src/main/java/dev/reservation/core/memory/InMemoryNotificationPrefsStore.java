package dev.reservation.core.memory;

import dev.reservation.core.notify.NotificationPrefsStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who turned e-mail off, in this process's memory. Thread-safe. */
public final class InMemoryNotificationPrefsStore implements NotificationPrefsStore {
    private final Set<String> emailOff = ConcurrentHashMap.newKeySet();

    @Override
    public boolean emailEnabled(String userId) {
        return !emailOff.contains(userId);
    }

    @Override
    public void setEmailEnabled(String userId, boolean enabled) {
        if (enabled) {
            emailOff.remove(userId);
        } else {
            emailOff.add(userId);
        }
    }
}
