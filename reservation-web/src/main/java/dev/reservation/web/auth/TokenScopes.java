package dev.reservation.web.auth;

import dev.reservation.core.auth.TokenScope;
import dev.reservation.core.domain.PermissionDeniedException;
import io.javalin.http.HandlerType;
import java.util.regex.Pattern;

/**
 * What each token scope lets through, by method and path: {@code read} every GET; {@code book}
 * also booking ({@code POST /api/v1/reservations}), cancelling and checking in; {@code admin}
 * everything; {@code display} (a room's door-display token) nothing: it opens only its room's
 * door display ({@code /display/rooms/{id}}), never the API ({@code ApiTokens.resolve} refuses it
 * before this, this is the second line). The core then checks the user's role as for any other
 * sign-in, so a token never does more than its user may. Stateless.
 */
public final class TokenScopes {
    private static final Pattern BOOKING = Pattern.compile("^/api/v1/reservations(/[^/]+/(cancel|check-in))?$");

    private TokenScopes() {
    }

    /** Throws a 403 naming the scope when {@code scope} does not cover {@code method path}. */
    public static void require(TokenScope scope, HandlerType method, String path) {
        if (scope == TokenScope.DISPLAY) {
            throw new PermissionDeniedException(dev.reservation.core.service.ApiTokens.DISPLAY_IS_NOT_AN_API_TOKEN);
        }
        boolean read = method == HandlerType.GET || method == HandlerType.HEAD;
        boolean allowed = switch (scope) {
            case ADMIN -> true;
            case BOOK -> read || (method == HandlerType.POST && BOOKING.matcher(path).matches());
            case READ -> read;
            case DISPLAY -> false;
        };
        if (!allowed) {
            throw new PermissionDeniedException("this token's scope is " + scope.label() + ": it may "
                    + (scope == TokenScope.READ ? "only read (GET)" : "read, book, cancel and check in, nothing else")
                    + "; " + method + " " + path + " needs a token with scope "
                    + (scope == TokenScope.READ && BOOKING.matcher(path).matches() ? "book" : "admin"));
        }
    }
}
