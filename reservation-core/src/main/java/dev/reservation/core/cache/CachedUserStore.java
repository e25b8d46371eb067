package dev.reservation.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.reservation.core.domain.User;
import dev.reservation.core.store.UserStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Users served from memory, for a web tier that reads the acting user on every request: a lookup
 * is answered from this process's cache for at most {@code ttl}, and this process's own writes drop
 * the cache at once. A change made through another process (a deactivation, a role change) takes
 * effect here within {@code ttl}. Thread-safe.
 */
public final class CachedUserStore implements UserStore {
    private final UserStore delegate;
    private final ReadThrough cache;

    public CachedUserStore(UserStore delegate, Duration ttl, Ticker ticker) {
        this.delegate = delegate;
        this.cache = new ReadThrough(ttl, ticker, 10_000);
    }

    @Override
    public User insert(User user) {
        return cache.write(() -> delegate.insert(user));
    }

    @Override
    public User update(User user) {
        return cache.write(() -> delegate.update(user));
    }

    @Override
    public Optional<User> findById(String id) {
        return cache.get("byId", id, () -> delegate.findById(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return cache.get("byEmail", email.toLowerCase(Locale.ROOT), () -> delegate.findByEmail(email));
    }

    @Override
    public List<User> findAll() {
        return cache.get("all", "", delegate::findAll);
    }
}
