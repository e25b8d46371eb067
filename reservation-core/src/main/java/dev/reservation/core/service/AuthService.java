package dev.reservation.core.service;

import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.PasswordHash;
import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.auth.SignInThrottle;
import dev.reservation.core.domain.AccountDeactivatedException;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.TooManySignInAttemptsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.store.UserStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs users in with email and password, or by an email an identity provider has verified
 * ({@link #signInVerifiedEmail}), and bootstraps the first ADMIN from configuration.
 * Failed password sign-ins are limited per account and per client address; an unknown email, a
 * wrong password and a deactivated account get the same answer (and the same work: a hash is
 * checked either way). Passwords are never stored or logged, only their hashes. Thread-safe.
 */
public final class AuthService {
    private final UserStore users;
    private final CredentialStore credentials;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final IdGenerator ids;
    /** Checked when the email is unknown, so that answer costs what a wrong password costs; made on first use. */
    private volatile PasswordHash decoy;

    public AuthService(UserStore users, CredentialStore credentials, PasswordHasher hasher, SignInThrottle throttle,
                       IdGenerator ids) {
        this.users = users;
        this.credentials = credentials;
        this.hasher = hasher;
        this.throttle = throttle;
        this.ids = Objects.requireNonNull(ids);
    }

    private PasswordHash decoy() {
        PasswordHash d = decoy;
        if (d == null) {
            d = hasher.hash("decoy-password-never-used".toCharArray());
            decoy = d;
        }
        return d;
    }

    /**
     * @return the signed-in user
     * @throws AuthenticationFailedException for any wrong email/password/deactivated account
     * @throws TooManySignInAttemptsException when the account or the address is blocked for now
     */
    public User signIn(String email, char[] password, String clientAddress) {
        String accountKey = "account:" + (email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
        String addressKey = "address:" + clientAddress;
        Optional<Duration> blocked = throttle.blockedFor(accountKey).or(() -> throttle.blockedFor(addressKey));
        if (blocked.isPresent()) {
            throw new TooManySignInAttemptsException(blocked.get());
        }
        Optional<User> user = find(email);
        Optional<PasswordHash> stored = user.flatMap(u -> credentials.find(u.id()));
        boolean passwordOk;
        if (stored.isPresent()) {
            passwordOk = hasher.verify(password, stored.get());
        } else {
            hasher.verify(password, decoy()); // the same work as a wrong password: timing tells nothing
            passwordOk = false;
        }
        if (!passwordOk || !user.get().active()) {
            throttle.recordFailure(accountKey);
            throttle.recordFailure(addressKey);
            throw new AuthenticationFailedException();
        }
        throttle.recordSuccess(accountKey);
        if (hasher.needsRehash(stored.get())) {
            credentials.put(user.get().id(), hasher.hash(password));
        }
        return user.get();
    }

    /**
     * Signs in someone whose email an identity provider has verified (OpenID Connect): the caller
     * has checked the provider's signed statement, this decides who that is here. The user with
     * this email (compared case-insensitively) is matched; with none, a new active user is made
     * with {@code providerRole} if given, else {@code roleForNewUsers} (without a password: they
     * sign in through the provider). {@code providerRole}, when present, is the role the provider
     * says the person has now, and replaces the stored one on every sign-in, for matched users
     * too: taking someone out of the admin group at the provider demotes them at their next sign-in.
     * No throttle applies: nothing here can be guessed. Safe from several processes at once (two
     * first sign-ins of one person make one user).
     *
     * @param displayName the name the provider gave, or null; used only for a new user (blank or
     *                    missing: the email's local part; cut to 100 characters)
     * @throws AccountDeactivatedException when the matched user is deactivated (nothing changes)
     * @throws InvalidInputException when {@code email} is not an email address
     */
    public User signInVerifiedEmail(String email, String displayName, Role roleForNewUsers,
                                    Optional<Role> providerRole) {
        Objects.requireNonNull(roleForNewUsers, "roleForNewUsers");
        String normalized = User.normalizeEmail(email);
        User user = users.findByEmail(normalized).orElseGet(() -> provision(normalized, displayName,
                providerRole.orElse(roleForNewUsers)));
        if (!user.active()) {
            throw new AccountDeactivatedException(user.email());
        }
        if (providerRole.isPresent() && providerRole.get() != user.role()) {
            user = users.update(user.withNameAndRole(user.name(), providerRole.get()));
        }
        return user;
    }

    private User provision(String email, String displayName, Role role) {
        try {
            return users.insert(new User(ids.newId(), nameFor(displayName, email), email, role));
        } catch (AlreadyExistsException raced) { // another instance provisioned them a moment ago
            return users.findByEmail(email).orElseThrow(() -> raced);
        }
    }

    static String nameFor(String displayName, String email) {
        String name = displayName == null ? "" : displayName.strip().replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            name = email.substring(0, email.indexOf('@'));
        }
        return name.length() > 100 ? name.substring(0, 100).strip() : name;
    }

    private Optional<User> find(String email) {
        try {
            return users.findByEmail(User.normalizeEmail(email));
        } catch (InvalidInputException notAnEmail) {
            return Optional.empty();
        }
    }

    /**
     * Makes sure an ADMIN with this email exists and can sign in: creates it with the password when
     * missing; gives an existing user without a password this one. An existing password is never
     * replaced (change it by signing in). Idempotent; safe from several processes at once.
     */
    public User bootstrapAdmin(String email, String name, char[] password) {
        PasswordHasher.checkPolicy(password); // before anything is written: no admin without a password
        User admin = find(email).orElseGet(() -> {
            try {
                return users.insert(new User("admin-" + User.normalizeEmail(email), name, email, Role.ADMIN));
            } catch (AlreadyExistsException raced) {
                return find(email).orElseThrow(() -> raced);
            }
        });
        if (admin.role() != Role.ADMIN || !admin.active()) {
            admin = users.update(new User(admin.id(), admin.name(), admin.email(), Role.ADMIN, true, admin.zone()));
        }
        if (credentials.find(admin.id()).isEmpty()) {
            credentials.put(admin.id(), hasher.hash(password));
        }
        return admin;
    }

    /** Gives the user this password if they have none yet (demo data); never replaces one. */
    public void setPasswordIfMissing(String userId, char[] password) {
        if (credentials.find(userId).isEmpty()) {
            credentials.put(userId, hasher.hash(password));
        }
    }
}
