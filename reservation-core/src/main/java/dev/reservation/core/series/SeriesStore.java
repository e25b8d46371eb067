package dev.reservation.core.series;

import java.util.List;
import java.util.Optional;

/**
 * Port: where series live (their occurrences are ordinary reservations in the
 * {@link dev.reservation.core.store.ReservationStore}; this holds only the series documents).
 * Implementations are thread-safe.
 *
 * <p>Failures as every store's: {@link dev.reservation.core.domain.StoreUnavailableException} means
 * certainly not applied, {@link dev.reservation.core.domain.WriteOutcomeUnknownException} that a write
 * may or may not have been applied.
 */
public interface SeriesStore {

    /**
     * Atomically: if a series with {@code series}' id, or with its idempotency scope
     * ({@link Series#idempotencyScope()}), exists, returns it (nothing written); else stores
     * {@code series} (at version 0) and returns it.
     */
    Series create(Series series);

    Optional<Series> findById(String id);

    /** The series {@code actorId} created with idempotency key {@code key}, if any. */
    Optional<Series> findByIdempotencyKey(String actorId, String key);

    /**
     * One compare-and-set: if the stored series is still at {@code current}'s version, it becomes
     * {@code next} (one version later).
     *
     * @return {@code next} as stored
     * @throws dev.reservation.core.domain.NotFoundException when no such series exists
     * @throws dev.reservation.core.domain.ConcurrentUpdateException when it is no longer at that version
     */
    Series update(Series current, Series next);

    /** Series in {@code state}, oldest change first, at most {@code limit}: for the sweeper and the extension job. */
    List<Series> inState(SeriesState state, int limit);
}
