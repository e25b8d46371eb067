package dev.reservation.web.auth;

import dev.reservation.core.auth.Sessions;

/**
 * Ends what a user is signed in with in this process after their password changed or their
 * account was deactivated: their page sessions (except, optionally, the one making the change)
 * and the API's remembered verifications. Other app instances catch up on their own: sessions
 * re-read the user on every request, remembered API credentials expire within a minute.
 * Thread-safe.
 */
public final class SignOuts {
    private final Sessions sessions;
    private final VerifiedCredentials verified;

    public SignOuts(Sessions sessions, VerifiedCredentials verified) {
        this.sessions = sessions;
        this.verified = verified;
    }

    /** @param keepSessionId the session to keep (the user changing their own password), or null */
    public void everywhere(String userId, String keepSessionId) {
        sessions.endAllOf(userId, keepSessionId);
        verified.forget(userId);
    }
}
