package dev.reservation.cli;

import dev.reservation.core.domain.User;
import dev.reservation.core.store.UserStore;
import java.util.List;
import java.util.Optional;

/** Forwards everything; tests override the operation they make fail. */
class DelegatingUserStore implements UserStore {
    private final UserStore delegate;

    DelegatingUserStore(UserStore delegate) {
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
