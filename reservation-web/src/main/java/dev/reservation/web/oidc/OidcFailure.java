package dev.reservation.web.oidc;

/**
 * A sign-in through the provider did not complete. {@link #getMessage()} is for the person
 * signing in (no token, code or secret is ever in it); {@link #logDetail()} is for the log (still
 * nothing secret: error codes and validation reasons only); {@link #status()} is the HTTP status
 * of the page that says so. Immutable.
 */
public final class OidcFailure extends RuntimeException {
    /** What went wrong, in the words of the page; one per failure path. */
    public enum Kind {
        CANCELLED(401), PROVIDER_ERROR(401), UNKNOWN_ATTEMPT(400), TOKEN_REFUSED(401), PROVIDER_UNREACHABLE(502),
        INVALID_TOKEN(401), EMAIL_NOT_VERIFIED(403), NO_USABLE_EMAIL(403), DEACTIVATED(403);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String logDetail;

    public OidcFailure(Kind kind, String message, String logDetail) {
        super(message);
        this.kind = kind;
        this.logDetail = logDetail;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status;
    }

    public String logDetail() {
        return logDetail;
    }
}
