package dev.reservation.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Passes every call on; tests override the calls they break. */
public class ForwardingOutboxStore implements OutboxStore {
    private final OutboxStore delegate;

    public ForwardingOutboxStore(OutboxStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean enqueue(OutboxEntry.New entry) {
        return delegate.enqueue(entry);
    }

    @Override
    public List<OutboxEntry> lease(String consumer, Instant now, Duration leaseFor, int max) {
        return delegate.lease(consumer, now, leaseFor, max);
    }

    @Override
    public boolean markDone(String id, String leaseToken, Instant at, String outcome) {
        return delegate.markDone(id, leaseToken, at, outcome);
    }

    @Override
    public boolean markFailed(String id, String leaseToken, Instant at, String error, Instant retryAt) {
        return delegate.markFailed(id, leaseToken, at, error, retryAt);
    }

    @Override
    public java.util.Optional<OutboxEntry> leaseHead(String consumer, Instant now, Duration leaseFor) {
        return delegate.leaseHead(consumer, now, leaseFor);
    }

    @Override
    public List<OutboxEntry> recent(String consumer, int limit) {
        return delegate.recent(consumer, limit);
    }

    @Override
    public long purge(String consumer) {
        return delegate.purge(consumer);
    }

    @Override
    public boolean release(String id, String leaseToken) {
        return delegate.release(id, leaseToken);
    }

    @Override
    public Optional<OutboxEntry> find(String id) {
        return delegate.find(id);
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        return delegate.existing(ids);
    }

    @Override
    public OutboxStats stats(String consumer, Instant now) {
        return delegate.stats(consumer, now);
    }

    @Override
    public Optional<Instant> cursor(String name) {
        return delegate.cursor(name);
    }

    @Override
    public void advanceCursor(String name, Instant at) {
        delegate.advanceCursor(name, at);
    }
}
