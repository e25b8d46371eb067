package dev.reservation.web.auth;

import dev.reservation.core.domain.ReservationException;

/**
 * Something needs a local password and this server was started with local passwords off: the
 * sign-in form's POST, the API's HTTP Basic, setting or changing a password. Answered 403 with
 * this message. Immutable.
 */
public final class LocalPasswordsOffException extends ReservationException {
    public static final String API_MESSAGE = "local passwords are turned off on this server (--local-passwords off),"
            + " so HTTP Basic sign-in to the API is refused; sign in to the web pages through the configured"
            + " OpenID provider instead";

    public LocalPasswordsOffException(String message) {
        super(message);
    }

    public static LocalPasswordsOffException forApi() {
        return new LocalPasswordsOffException(API_MESSAGE);
    }
}
