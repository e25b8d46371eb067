package dev.reservation.core.memory;

import dev.reservation.core.auth.ApiToken;
import dev.reservation.core.auth.ApiTokenStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API tokens in this process's memory, by id and by digest. Thread-safe. */
public final class InMemoryApiTokenStore implements ApiTokenStore {
    private final Map<String, ApiToken> byId = new HashMap<>();
    private final Map<String, String> idByDigest = new HashMap<>();

    @Override
    public synchronized void insert(ApiToken token) {
        if (byId.containsKey(token.id()) || idByDigest.containsKey(token.digest())) {
            throw new IllegalStateException("token " + token.id() + " exists already");
        }
        byId.put(token.id(), token);
        idByDigest.put(token.digest(), token.id());
    }

    @Override
    public synchronized Optional<ApiToken> findByDigest(String digest) {
        return Optional.ofNullable(idByDigest.get(digest)).map(byId::get);
    }

    @Override
    public synchronized List<ApiToken> forUser(String userId) {
        return byId.values().stream().filter(t -> t.userId().equals(userId))
                .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id)).toList();
    }

    @Override
    public synchronized boolean revoke(String userId, String id) {
        ApiToken t = byId.get(id);
        if (t == null || !t.userId().equals(userId)) {
            return false;
        }
        byId.remove(id);
        idByDigest.remove(t.digest());
        return true;
    }

    @Override
    public synchronized void touch(String id, Instant at) {
        ApiToken t = byId.get(id);
        if (t != null && (t.lastUsedAt() == null || t.lastUsedAt().isBefore(at))) {
            byId.put(id, t.usedAt(at));
        }
    }
}
