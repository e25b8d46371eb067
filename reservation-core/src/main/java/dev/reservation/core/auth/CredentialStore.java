package dev.reservation.core.auth;

import java.util.Optional;

/**
 * Port: password hashes by user id, kept apart from users so that no listing of users can carry
 * them. Thread-safe; failures as in {@link dev.reservation.core.store.UserStore}.
 */
public interface CredentialStore {
    /** Sets (or replaces) the user's password hash. */
    void put(String userId, PasswordHash hash);

    Optional<PasswordHash> find(String userId);
}
