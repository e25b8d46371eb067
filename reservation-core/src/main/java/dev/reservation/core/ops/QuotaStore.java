package dev.reservation.core.ops;

import java.util.List;
import java.util.Optional;

/** Port: the quota rules (at most one per scope). Thread-safe. */
public interface QuotaStore {
    Optional<QuotaRule> find(String scope);

    void put(QuotaRule rule);

    /** Removes the rule of {@code scope} (no-op when absent). */
    void remove(String scope);

    List<QuotaRule> all();
}
