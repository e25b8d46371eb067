package dev.reservation.core.memory;

import dev.reservation.core.ops.QuotaCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Quota counters in this process's memory; each counter is changed under its own monitor. Thread-safe. */
public final class InMemoryQuotaCounters implements QuotaCounters {
    private static final class Counter {
        long used;
        Instant periodEnd;
        final Map<String, Hold> holds = new LinkedHashMap<>();
    }

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public Take take(String counterId, Hold hold, long limit, Instant periodEnd) {
        Counter c = counters.computeIfAbsent(counterId, k -> new Counter());
        synchronized (c) {
            c.periodEnd = periodEnd;
            if (c.holds.containsKey(hold.rid())) {
                return Take.ok();
            }
            if (c.used + hold.amount() > limit) {
                return new Take(false, c.used, List.copyOf(c.holds.values()));
            }
            c.used += hold.amount();
            c.holds.put(hold.rid(), hold);
            return Take.ok();
        }
    }

    @Override
    public void giveBack(String counterId, String rid) {
        Counter c = counters.get(counterId);
        if (c == null) {
            return;
        }
        synchronized (c) {
            Hold h = c.holds.remove(rid);
            if (h != null) {
                c.used -= h.amount();
            }
        }
    }

    @Override
    public List<Hold> holds(String counterId) {
        Counter c = counters.get(counterId);
        if (c == null) {
            return List.of();
        }
        synchronized (c) {
            return List.copyOf(c.holds.values());
        }
    }

    @Override
    public List<String> withHoldsBefore(Instant takenBefore, Instant now, int limit) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Counter> e : counters.entrySet()) {
            Counter c = e.getValue();
            synchronized (c) {
                if ((c.periodEnd == null || c.periodEnd.isAfter(now))
                        && c.holds.values().stream().anyMatch(h -> h.at().isBefore(takenBefore))) {
                    out.add(e.getKey());
                }
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }
}
