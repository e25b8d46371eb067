package dev.reservation.core.store;

import dev.reservation.core.domain.User;
import java.util.List;
import java.util.Optional;

/**
 * Port: where users live. Implementations are thread-safe. Every method may throw
 * {@link dev.reservation.core.domain.StoreUnavailableException}; writes may also throw
 * {@link dev.reservation.core.domain.WriteOutcomeUnknownException}.
 */
public interface UserStore {
    /**
     * Adds a user.
     *
     * @throws dev.reservation.core.domain.AlreadyExistsException when the id or the (normalized) email is taken
     */
    User insert(User user);

    /**
     * Replaces the user with the same id (name, role, active flag; the email too, if it changed).
     *
     * @throws dev.reservation.core.domain.UserNotFoundException when no user has that id
     * @throws dev.reservation.core.domain.AlreadyExistsException when the new email belongs to another user
     */
    User update(User user);

    Optional<User> findById(String id);

    /** Looks up by email, compared in the normalized (lower-case) form. */
    Optional<User> findByEmail(String email);

    /** All users ordered by name, then id. */
    List<User> findAll();
}
