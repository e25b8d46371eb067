package dev.reservation.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: personal API tokens, stored by digest. Thread-safe; failures as in the other ports. */
public interface ApiTokenStore {
    /** Stores a new token (its id and digest are new). */
    void insert(ApiToken token);

    Optional<ApiToken> findByDigest(String digest);

    /** The user's tokens, oldest first. */
    List<ApiToken> forUser(String userId);

    /** Removes the user's token {@code id}; true when there was one. Once this returns, it opens nothing. */
    boolean revoke(String userId, String id);

    /** Records that token {@code id} was used at {@code at} (a later time only; a lost update is harmless). */
    void touch(String id, Instant at);
}
