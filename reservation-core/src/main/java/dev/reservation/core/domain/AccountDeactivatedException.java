package dev.reservation.core.domain;

/**
 * Sign-in refused because the account exists but is deactivated. Only raised where the person
 * has already proved who they are some other way (an identity provider vouched for their email),
 * so saying so tells an attacker nothing; a password sign-in keeps the uniform
 * {@link AuthenticationFailedException}.
 */
public final class AccountDeactivatedException extends ReservationException {
    public AccountDeactivatedException(String email) {
        super("the account " + email + " is deactivated; ask an administrator to reactivate it");
    }
}
