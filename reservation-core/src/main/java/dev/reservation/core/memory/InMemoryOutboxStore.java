package dev.reservation.core.memory;

import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxStats;
import dev.reservation.core.notify.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The outbox in this process's memory; every operation holds one lock. Thread-safe. */
public final class InMemoryOutboxStore implements OutboxStore {
    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();
    private final Map<String, Instant> cursors = new HashMap<>();

    @Override
    public synchronized boolean enqueue(OutboxEntry.New entry) {
        return entries.putIfAbsent(entry.id(), entry.pending()) == null;
    }

    @Override
    public synchronized List<OutboxEntry> lease(String consumer, Instant now, Duration leaseFor, int max) {
        List<OutboxEntry> due = entries.values().stream()
                .filter(e -> e.consumer().equals(consumer) && e.leasableAt(now))
                .sorted(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id))
                .limit(max).toList();
        List<OutboxEntry> leased = new ArrayList<>();
        for (OutboxEntry e : due) {
            OutboxEntry l = with(e, e.notBefore(), e.attempts(), e.lastError(), e.lastAttemptAt(),
                    UUID.randomUUID().toString(), now.plus(leaseFor), null, null);
            entries.put(e.id(), l);
            leased.add(l);
        }
        return leased;
    }

    @Override
    public synchronized Optional<OutboxEntry> leaseHead(String consumer, Instant now, Duration leaseFor) {
        Optional<OutboxEntry> head = entries.values().stream()
                .filter(e -> e.consumer().equals(consumer) && !e.done())
                .min(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id));
        if (head.isEmpty() || !head.get().leasableAt(now)) {
            return Optional.empty();
        }
        OutboxEntry e = head.get();
        OutboxEntry l = with(e, e.notBefore(), e.attempts(), e.lastError(), e.lastAttemptAt(),
                UUID.randomUUID().toString(), now.plus(leaseFor), null, null);
        entries.put(e.id(), l);
        return Optional.of(l);
    }

    @Override
    public synchronized List<OutboxEntry> recent(String consumer, int limit) {
        return entries.values().stream().filter(e -> e.consumer().equals(consumer))
                .sorted(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized long purge(String consumer) {
        long before = entries.size();
        entries.values().removeIf(e -> e.consumer().equals(consumer));
        return before - entries.size();
    }

    @Override
    public synchronized boolean markDone(String id, String leaseToken, Instant at, String outcome) {
        OutboxEntry e = held(id, leaseToken);
        if (e == null) {
            return false;
        }
        entries.put(id, with(e, e.notBefore(), e.attempts(), e.lastError(), e.lastAttemptAt(), null, null, at, outcome));
        return true;
    }

    @Override
    public synchronized boolean markFailed(String id, String leaseToken, Instant at, String error, Instant retryAt) {
        OutboxEntry e = held(id, leaseToken);
        if (e == null) {
            return false;
        }
        entries.put(id, with(e, retryAt, e.attempts() + 1, OutboxEntry.trimError(error), at, null, null, null, null));
        return true;
    }

    @Override
    public synchronized boolean release(String id, String leaseToken) {
        OutboxEntry e = held(id, leaseToken);
        if (e == null) {
            return false;
        }
        entries.put(id, with(e, e.notBefore(), e.attempts(), e.lastError(), e.lastAttemptAt(), null, null, null, null));
        return true;
    }

    private OutboxEntry held(String id, String leaseToken) {
        OutboxEntry e = entries.get(id);
        return e != null && !e.done() && leaseToken != null && leaseToken.equals(e.leaseToken()) ? e : null;
    }

    private static OutboxEntry with(OutboxEntry e, Instant notBefore, int attempts, String lastError,
                                    Instant lastAttemptAt, String token, Instant leaseUntil, Instant doneAt,
                                    String outcome) {
        return new OutboxEntry(e.id(), e.consumer(), e.reservationId(), e.version(), e.kind(), e.userId(),
                e.createdAt(), notBefore, attempts, lastError, lastAttemptAt, token, leaseUntil, doneAt, outcome);
    }

    @Override
    public synchronized Optional<OutboxEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized Set<String> existing(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        for (String id : ids) {
            if (entries.containsKey(id)) {
                found.add(id);
            }
        }
        return found;
    }

    @Override
    public synchronized OutboxStats stats(String consumer, Instant now) {
        List<OutboxEntry> pending = entries.values().stream()
                .filter(e -> e.consumer().equals(consumer) && !e.done()).toList();
        Optional<Instant> oldest = pending.stream().map(OutboxEntry::createdAt).min(Comparator.naturalOrder());
        Optional<OutboxStats.LastError> last = pending.stream().filter(e -> e.lastError() != null)
                .max(Comparator.comparing(OutboxEntry::lastAttemptAt))
                .map(e -> new OutboxStats.LastError(e.id(), e.lastAttemptAt(), e.attempts(), e.lastError()));
        long leased = pending.stream().filter(e -> e.leasedAt(now)).count();
        return new OutboxStats(consumer, pending.size(), leased, oldest, last);
    }

    @Override
    public synchronized Optional<Instant> cursor(String name) {
        return Optional.ofNullable(cursors.get(name));
    }

    @Override
    public synchronized void advanceCursor(String name, Instant at) {
        cursors.merge(name, at, (old, fresh) -> fresh.isAfter(old) ? fresh : old);
    }
}
