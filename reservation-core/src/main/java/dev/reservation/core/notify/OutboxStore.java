package dev.reservation.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: one outbox of typed entries ({@link OutboxEntry}: a change of a reservation for one
 * consumer), shared by every app instance. Implementations are thread-safe and, for a database,
 * write with the same durability as bookings.
 *
 * <p>Delivery is at-least-once: an entry is leased to one holder for a while; the holder marks it
 * done (or failed) with its lease token. While a lease holds nobody else gets the entry; once it
 * lapses (the holder crashed, or is slow) another drainer may take it over, and the first holder's
 * late {@code markDone} is refused. A crash between delivering and marking done therefore delivers
 * at most once more, by whoever takes the lease over.
 *
 * <p>Failures as elsewhere: {@link dev.reservation.core.domain.StoreUnavailableException},
 * {@link dev.reservation.core.domain.WriteOutcomeUnknownException}.
 */
public interface OutboxStore {

    /**
     * Adds the entry unless an entry with its id ({@link OutboxEntry.New#id()}) exists, atomically.
     *
     * @return true when this call added it; false when it was there already (in any state)
     */
    boolean enqueue(OutboxEntry.New entry);

    /**
     * Leases up to {@code max} of {@code consumer}'s entries that are pending, due ({@code notBefore
     * <= now}) and not leased at {@code now}, oldest first, each with a fresh token valid until
     * {@code now + leaseFor}. Each entry is leased by one atomic conditional update, so two
     * drainers racing never both get it while the lease holds.
     */
    List<OutboxEntry> lease(String consumer, Instant now, Duration leaseFor, int max);

    /**
     * Leases the oldest pending entry of {@code consumer} (by {@code createdAt}, then id), and only
     * that one: empty when it is not due yet, is leased at {@code now}, or there is none. This is how
     * a consumer that must deliver in order (a webhook subscription) drains: one entry in flight at a
     * time across every app instance, and a failed head (due again later) holds back the ones behind it.
     */
    Optional<OutboxEntry> leaseHead(String consumer, Instant now, Duration leaseFor);

    /** The newest {@code limit} entries of {@code consumer}, in any state, newest first: its delivery log. */
    List<OutboxEntry> recent(String consumer, int limit);

    /** Removes every entry of {@code consumer} (a webhook subscription that was deleted); how many went. */
    long purge(String consumer);

    /**
     * Marks the entry done if {@code leaseToken} still holds it (even past its expiry, as long as
     * nobody took it over). {@code outcome} is a short word for people ("sent", "skipped: ...").
     *
     * @return true when marked; false when the lease was taken over or the entry is done already
     */
    boolean markDone(String id, String leaseToken, Instant at, String outcome);

    /**
     * Records a failed attempt (attempts + 1, the error, when) and releases the lease; the entry is
     * due again at {@code retryAt}. Refused (false) like {@link #markDone} when the token no longer holds.
     */
    boolean markFailed(String id, String leaseToken, Instant at, String error, Instant retryAt);

    /** Gives a lease back untouched (no attempt counted): a drainer that stops early. */
    boolean release(String id, String leaseToken);

    Optional<OutboxEntry> find(String id);

    /** Which of {@code ids} have an entry, in any state (one query: the sweeper checks a page at a time). */
    Set<String> existing(Collection<String> ids);

    OutboxStats stats(String consumer, Instant now);

    /** A named position kept with the outbox (the sweeper's: how far it has looked). */
    Optional<Instant> cursor(String name);

    /** Moves the named position forward to {@code at}; never backwards. */
    void advanceCursor(String name, Instant at);
}
