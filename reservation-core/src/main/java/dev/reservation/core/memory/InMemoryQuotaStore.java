package dev.reservation.core.memory;

import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.QuotaStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Quota rules in this process's memory. Thread-safe. */
public final class InMemoryQuotaStore implements QuotaStore {
    private final ConcurrentHashMap<String, QuotaRule> byScope = new ConcurrentHashMap<>();

    @Override
    public Optional<QuotaRule> find(String scope) {
        return Optional.ofNullable(byScope.get(scope));
    }

    @Override
    public void put(QuotaRule rule) {
        byScope.put(rule.scope(), rule);
    }

    @Override
    public void remove(String scope) {
        byScope.remove(scope);
    }

    @Override
    public List<QuotaRule> all() {
        return byScope.values().stream().sorted(Comparator.comparing(QuotaRule::scope)).toList();
    }
}
