package dev.reservation.web.http;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.service.UserService;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;

/**
 * Who a request acts as, until sign-in exists (issue 7). This is NOT authentication: pages keep a
 * user id in the {@value #COOKIE} cookie chosen with the "acting as" selector, the API reads the
 * {@value #HEADER} header (a user id or email). Thread-safe.
 */
public final class ActingUser {
    public static final String COOKIE = "acting_user";
    public static final String HEADER = "X-Acting-User";

    private final UserService users;

    public ActingUser(UserService users) {
        this.users = users;
    }

    /** The user the page cookie names, if it names one that exists (and the store answers). */
    public Optional<User> fromCookie(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(users.get(id));
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #fromCookie} but never throws: for rendering page chrome while the store is down. */
    public Optional<User> fromCookieQuietly(Context ctx) {
        try {
            return fromCookie(ctx);
        } catch (ReservationException e) {
            return Optional.empty();
        }
    }

    public void choose(Context ctx, User user) {
        ctx.cookie(new Cookie(COOKIE, user.id(), "/", 30 * 24 * 3600, false, true, null, SameSite.LAX));
    }

    /** The API's acting user: 400 when the header is missing or names nobody. */
    public User fromHeader(Context ctx) {
        String key = ctx.header(HEADER);
        if (key == null || key.isBlank()) {
            throw FieldErrorsException.of(HEADER, "send the " + HEADER + " header with the id or email of the user"
                    + " you act as (this is not authentication; sign-in comes later)");
        }
        if (key.length() > Params.MAX_KEY) {
            throw FieldErrorsException.of(HEADER, HEADER + " must be at most " + Params.MAX_KEY + " characters");
        }
        try {
            return users.resolve(key.strip());
        } catch (UserNotFoundException | InvalidInputException e) {
            throw FieldErrorsException.of(HEADER, HEADER + " names no user: " + Params.shorten(key.strip()));
        }
    }
}
