package dev.reservation.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.QuotaStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Quota rules, read by every booking (the global rule and the room's), from this process's cache
 * for at most {@code ttl}: an ADMIN's change on another instance applies here within that bound,
 * on this instance at once. Only the rules are cached: the counters a rule is enforced with
 * ({@code QuotaCounters}) are always the store's, so a limit still holds across instances.
 * Thread-safe.
 */
public final class CachedQuotaStore implements QuotaStore {
    private final QuotaStore delegate;
    private final ReadThrough cache;

    public CachedQuotaStore(QuotaStore delegate, Duration ttl, Ticker ticker) {
        this.delegate = delegate;
        this.cache = new ReadThrough(ttl, ticker, 10_000);
    }

    @Override
    public Optional<QuotaRule> find(String scope) {
        return cache.get("byScope", scope, () -> delegate.find(scope));
    }

    @Override
    public void put(QuotaRule rule) {
        cache.write(() -> {
            delegate.put(rule);
            return null;
        });
    }

    @Override
    public void remove(String scope) {
        cache.write(() -> {
            delegate.remove(scope);
            return null;
        });
    }

    @Override
    public List<QuotaRule> all() {
        return cache.get("all", "", delegate::all);
    }
}
