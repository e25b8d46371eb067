package dev.reservation.core.service;

import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.store.UserStore;
import java.util.List;
import java.util.Objects;

/**
 * Creates, edits, deactivates and finds users; sets passwords. Emails are unique. Changes need an
 * ADMIN (a user may set their own password); reads are open to every signed-in actor. Thread-safe.
 */
public final class UserService {
    private final UserStore users;
    private final CredentialStore credentials;
    private final PasswordHasher hasher;
    private final IdGenerator ids;

    public UserService(UserStore users, CredentialStore credentials, PasswordHasher hasher, IdGenerator ids) {
        this.users = Objects.requireNonNull(users);
        this.credentials = Objects.requireNonNull(credentials);
        this.hasher = Objects.requireNonNull(hasher);
        this.ids = Objects.requireNonNull(ids);
    }

    /** @throws AlreadyExistsException when the email is taken (the store decides, atomically) */
    public User create(Actor actor, NewUser request) {
        Permissions.require(actor, Permissions.Operation.MANAGE_USERS, null);
        return users.insert(new User(ids.newId(), request.name(), request.email(), request.role()));
    }

    /** Changes a user's name and role. */
    public User update(Actor actor, String userId, String name, Role role) {
        Permissions.require(actor, Permissions.Operation.MANAGE_USERS, userId);
        return users.update(get(userId).withNameAndRole(name, role));
    }

    /** Deactivates a user: no sign-in, no new reservations; past reservations stay. Idempotent. */
    public User deactivate(Actor actor, String userId) {
        Permissions.require(actor, Permissions.Operation.MANAGE_USERS, userId);
        if (actor.userId().equals(userId)) {
            throw new InvalidInputException("userId", "you cannot deactivate your own account");
        }
        User user = get(userId);
        return user.active() ? users.update(user.withActive(false)) : user;
    }

    public User reactivate(Actor actor, String userId) {
        Permissions.require(actor, Permissions.Operation.MANAGE_USERS, userId);
        User user = get(userId);
        return user.active() ? user : users.update(user.withActive(true));
    }

    /** Sets a password: one's own, or anyone's as an ADMIN. The password is hashed, never kept. */
    public void setPassword(Actor actor, String userId, char[] password) {
        if (!actor.userId().equals(userId)) {
            Permissions.require(actor, Permissions.Operation.MANAGE_USERS, userId);
        }
        get(userId);
        credentials.put(userId, hasher.hash(password));
    }

    /** Sets where a user is (their own, or anyone's as an ADMIN); null forgets it. */
    public User setZone(Actor actor, String userId, java.time.ZoneId zone) {
        if (!actor.userId().equals(userId)) {
            Permissions.require(actor, Permissions.Operation.MANAGE_USERS, userId);
        }
        User user = get(userId);
        return java.util.Objects.equals(user.zone(), zone) ? user : users.update(user.withZone(zone));
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
