package dev.reservation.core.store;

import dev.reservation.core.domain.User;
import java.util.List;
import java.util.Optional;

/**
 * Forwards every call to another user store; a test overrides the operation it wants to fail,
 * race or count. Shipped in the core's test-jar for every module.
 */
public class ForwardingUserStore implements UserStore {
    private final UserStore delegate;

    public ForwardingUserStore(UserStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public User insert(User user) {
        return delegate.insert(user);
    }

    @Override
    public User update(User user) {
        return delegate.update(user);
    }

    @Override
    public Optional<User> findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return delegate.findByEmail(email);
    }

    @Override
    public List<User> findAll() {
        return delegate.findAll();
    }
}
