package dev.reservation.web.oidc;

/**
 * The configured OpenID provider cannot be used: unreachable, no valid discovery document, or
 * metadata this app cannot work with. Raised at start-up, before anything is served; the message
 * is one line for an operator and names what to check. Immutable.
 */
public final class OidcSetupException extends RuntimeException {
    public OidcSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    public OidcSetupException(String message) {
        super(message);
    }
}
