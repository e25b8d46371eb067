package dev.reservation.web.auth;

import dev.reservation.web.oidc.OidcProvider;
import java.util.Optional;

/**
 * How people may sign in: with a local password (the sign-in form, and HTTP Basic for the API),
 * through an OpenID provider, or both. At least one is on. Immutable.
 */
public record SignInMethods(boolean localPasswords, Optional<OidcProvider> oidc) {
    /** Local passwords only: what the app did before OpenID Connect. */
    public static final SignInMethods PASSWORDS = new SignInMethods(true, Optional.empty());

    public SignInMethods {
        if (!localPasswords && oidc.isEmpty()) {
            throw new IllegalArgumentException("with local passwords off (--local-passwords off) nobody could sign"
                    + " in: configure an OpenID provider (--oidc-issuer) too");
        }
    }
}
