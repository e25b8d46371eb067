package dev.reservation.core.service;

import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.store.UserStore;
import java.util.List;

/** Creates and finds users; emails are unique. Thread-safe. */
public final class UserService {
    private final UserStore users;
    private final IdGenerator ids;

    public UserService(UserStore users, IdGenerator ids) {
        this.users = users;
        this.ids = ids;
    }

    /** @throws AlreadyExistsException when the email is taken (the store decides, atomically) */
    public User create(NewUser request) {
        User user = new User(ids.newId(), request.name(), request.email(), request.role());
        return users.insert(user);
    }

    public List<User> list() {
        return users.findAll();
    }

    public User get(String id) {
        return users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    }

    public User byEmail(String email) {
        return users.findByEmail(User.normalizeEmail(email)).orElseThrow(() -> new UserNotFoundException(email));
    }

    /** Finds a user by id or, when the key looks like an email, by email. */
    public User resolve(String idOrEmail) {
        if (idOrEmail != null && idOrEmail.contains("@")) {
            return byEmail(idOrEmail);
        }
        return get(idOrEmail);
    }
}
