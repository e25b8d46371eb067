package dev.reservation.core.memory;

import dev.reservation.core.notify.FeedToken;
import dev.reservation.core.notify.FeedTokenStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Feed tokens in this process's memory, keyed by (user, feed). Thread-safe. */
public final class InMemoryFeedTokenStore implements FeedTokenStore {
    private final Map<String, FeedToken> byUserFeed = new HashMap<>();

    @Override
    public synchronized void replace(FeedToken token) {
        byUserFeed.put(token.userId() + "|" + token.feed(), token);
    }

    @Override
    public synchronized Optional<FeedToken> findByDigest(String digest) {
        return byUserFeed.values().stream().filter(t -> t.digest().equals(digest)).findFirst();
    }

    @Override
    public synchronized List<FeedToken> forUser(String userId) {
        return byUserFeed.values().stream().filter(t -> t.userId().equals(userId))
                .sorted(Comparator.comparing(FeedToken::feed)).toList();
    }

    @Override
    public synchronized boolean revoke(String userId, String feed) {
        return byUserFeed.remove(userId + "|" + feed) != null;
    }
}
