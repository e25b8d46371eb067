package dev.reservation.web.auth;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.User;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The user a request is signed in as, put there by {@link AuthGate} before any route runs: from
 * the session cookie for pages, from HTTP Basic for the API. Stateless; thread-safe.
 */
public final class CurrentUser {
    private static final String USER = "dev.reservation.web.user";
    private static final String SESSION = "dev.reservation.web.session";

    private CurrentUser() {
    }

    static void set(Context ctx, User user, String sessionId) {
        ctx.attribute(USER, user);
        if (sessionId != null) {
            ctx.attribute(SESSION, sessionId);
        }
    }

    public static Optional<User> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    /** The signed-in user; every route behind {@link AuthGate} has one. */
    public static User get(Context ctx) {
        return find(ctx).orElseThrow(() -> new SignInRequiredException(null, false));
    }

    public static Actor actor(Context ctx) {
        return Actor.of(get(ctx));
    }

    /** The actor, or null for a request nobody is signed in for (public pages, errors before sign-in). */
    public static Actor actorOrNull(Context ctx) {
        return find(ctx).map(Actor::of).orElse(null);
    }

    public static boolean isMe(Context ctx, String userId) {
        return find(ctx).map(u -> u.id().equals(userId)).orElse(false);
    }

    public static boolean isAdmin(Context ctx) {
        return find(ctx).map(User::isAdmin).orElse(false);
    }

    /** The id of the page session this request came with, if any. */
    public static Optional<String> sessionId(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }
}
