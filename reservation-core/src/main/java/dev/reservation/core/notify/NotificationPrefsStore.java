package dev.reservation.core.notify;

/** Port: per-user notification choices. E-mail is on unless the user turned it off. Thread-safe. */
public interface NotificationPrefsStore {
    boolean emailEnabled(String userId);

    void setEmailEnabled(String userId, boolean enabled);
}
