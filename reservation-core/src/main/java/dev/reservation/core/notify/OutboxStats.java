package dev.reservation.core.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * How one consumer's outbox stands: entries not yet done ({@code pending}, of which {@code leased}
 * are being delivered right now), when the oldest of them was enqueued, and the most recent failed
 * attempt of any entry still pending. Immutable.
 */
public record OutboxStats(String consumer, long pending, long leased, Optional<Instant> oldestPending,
                          Optional<LastError> lastError) {

    public record LastError(String entryId, Instant at, int attempts, String message) {
    }
}
