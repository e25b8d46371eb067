package dev.reservation.web.auth;

import dev.reservation.core.domain.ReservationException;

/**
 * The API call's bearer token is malformed, unknown, revoked or its user deactivated (one answer
 * for all: a token cannot be probed), or it sent no token where only tokens are taken (HTTP Basic
 * turned off). A 401. Immutable.
 */
public final class TokenRefusedException extends ReservationException {
    public static final String MESSAGE = "sign in with a personal API token (Authorization: Bearer rsv_…): this one"
            + " is unknown, revoked or its account deactivated, or none was sent and HTTP Basic is turned off here";

    public TokenRefusedException() {
        super(MESSAGE);
    }
}
