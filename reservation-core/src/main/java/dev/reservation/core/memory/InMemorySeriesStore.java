package dev.reservation.core.memory;

import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.SeriesNotFoundException;
import dev.reservation.core.series.Series;
import dev.reservation.core.series.SeriesState;
import dev.reservation.core.series.SeriesStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Series in memory; one lock makes create and compare-and-set atomic. Thread-safe. */
public final class InMemorySeriesStore implements SeriesStore {
    private final Map<String, Series> byId = new HashMap<>();
    private final Map<String, String> idByScope = new HashMap<>();

    @Override
    public synchronized Series create(Series series) {
        Series sameId = byId.get(series.id());
        if (sameId != null) {
            return sameId;
        }
        if (series.idempotencyScope() != null && idByScope.containsKey(series.idempotencyScope())) {
            return byId.get(idByScope.get(series.idempotencyScope()));
        }
        byId.put(series.id(), series);
        if (series.idempotencyScope() != null) {
            idByScope.put(series.idempotencyScope(), series.id());
        }
        return series;
    }

    @Override
    public synchronized Optional<Series> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Series> findByIdempotencyKey(String actorId, String key) {
        return Optional.ofNullable(idByScope.get(dev.reservation.core.domain.Reservation.scope(actorId, key)))
                .map(byId::get);
    }

    @Override
    public synchronized Series update(Series current, Series next) {
        Series stored = byId.get(current.id());
        if (stored == null) {
            throw new SeriesNotFoundException(current.id());
        }
        if (stored.version() != current.version()) {
            throw new ConcurrentUpdateException("series " + current.id() + " is at version " + stored.version()
                    + ", not " + current.version());
        }
        if (!next.id().equals(current.id()) || next.version() != current.version() + 1) {
            throw new IllegalArgumentException("a series changes one version at a time, keeping its id");
        }
        byId.put(next.id(), next);
        return next;
    }

    @Override
    public synchronized List<Series> inState(SeriesState state, int limit) {
        return byId.values().stream().filter(s -> s.state() == state)
                .sorted(Comparator.comparing(Series::updatedAt).thenComparing(Series::id)).limit(limit).toList();
    }
}
