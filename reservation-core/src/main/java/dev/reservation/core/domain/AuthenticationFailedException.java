package dev.reservation.core.domain;

/**
 * Sign-in refused. The message is the same for an unknown email, a wrong password and a
 * deactivated account, so it tells an attacker nothing about which accounts exist.
 */
public final class AuthenticationFailedException extends ReservationException {
    public static final String MESSAGE = "email or password is wrong, or the account is deactivated";

    public AuthenticationFailedException() {
        super(MESSAGE);
    }
}
