package dev.reservation.web.auth;

import dev.reservation.core.domain.ReservationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The request needs a signed-in user and has none: the API answers 401 with a Basic challenge,
 * pages redirect to the sign-in page and come back to {@code next} afterwards. Immutable.
 */
public final class SignInRequiredException extends ReservationException {
    public static final String API_MESSAGE = "sign in: this API needs HTTP Basic authentication with your email and"
            + " password (for example curl -u you@example.com:PASSWORD)";

    private final String next;
    private final boolean sessionEnded;

    /**
     * @param next the local path to return to after signing in, or null
     * @param sessionEnded true when the request carried a session that has expired or was ended
     */
    public SignInRequiredException(String next, boolean sessionEnded) {
        super(API_MESSAGE);
        this.next = next;
        this.sessionEnded = sessionEnded;
    }

    public static SignInRequiredException forApi() {
        return new SignInRequiredException(null, false);
    }

    /** {@code /signin}, with {@code next} and {@code ended=1} when they apply. */
    public String signInUrl() {
        StringBuilder url = new StringBuilder("/signin");
        char sep = '?';
        if (next != null && !next.equals("/")) {
            url.append(sep).append("next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
            sep = '&';
        }
        if (sessionEnded) {
            url.append(sep).append("ended=1");
        }
        return url.toString();
    }
}
