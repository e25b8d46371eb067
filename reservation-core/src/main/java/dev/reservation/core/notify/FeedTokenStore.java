package dev.reservation.core.notify;

import java.util.List;
import java.util.Optional;

/**
 * Port: feed tokens, stored as digests. Thread-safe; failures as in the other ports.
 */
public interface FeedTokenStore {
    /**
     * Stores {@code token} as the one token of its (user, feed), replacing an earlier one in the same
     * atomic write: once this returns, the earlier token opens nothing.
     */
    void replace(FeedToken token);

    Optional<FeedToken> findByDigest(String digest);

    /** The user's tokens, ordered by feed. */
    List<FeedToken> forUser(String userId);

    /** Removes the user's token for {@code feed}; true when there was one. */
    boolean revoke(String userId, String feed);
}
