package dev.reservation.core.memory;

import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.store.UserStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users in memory. Thread-safe; inserts are serialized (they are rare), reads are lock-free. */
public final class InMemoryUserStore implements UserStore {
    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final Map<String, User> byEmail = new ConcurrentHashMap<>();

    @Override
    public synchronized User insert(User user) {
        if (byId.containsKey(user.id())) {
            throw new AlreadyExistsException("id", "a user with id " + user.id() + " already exists");
        }
        if (byEmail.containsKey(user.email())) {
            throw new AlreadyExistsException("email", "a user with email " + user.email() + " already exists");
        }
        byEmail.put(user.email(), user);
        byId.put(user.id(), user);
        return user;
    }

    @Override
    public synchronized User update(User user) {
        User old = byId.get(user.id());
        if (old == null) {
            throw new dev.reservation.core.domain.UserNotFoundException(user.id());
        }
        User owner = byEmail.get(user.email());
        if (owner != null && !owner.id().equals(user.id())) {
            throw new AlreadyExistsException("email", "a user with email " + user.email() + " already exists");
        }
        byEmail.remove(old.email());
        byEmail.put(user.email(), user);
        byId.put(user.id(), user);
        return user;
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return Optional.ofNullable(byEmail.get(email.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public List<User> findAll() {
        return byId.values().stream().sorted(Comparator.comparing(User::name).thenComparing(User::id)).toList();
    }
}
