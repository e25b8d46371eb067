package dev.reservation.core.domain;

import java.time.Duration;

/** Too many failed sign-ins for this account or from this address; try again after {@link #retryAfter()}. */
public final class TooManySignInAttemptsException extends ReservationException {
    private final Duration retryAfter;

    public TooManySignInAttemptsException(Duration retryAfter) {
        super("too many failed sign-ins; try again in " + Math.max(1, retryAfter.toMinutes()) + " minute(s)");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
