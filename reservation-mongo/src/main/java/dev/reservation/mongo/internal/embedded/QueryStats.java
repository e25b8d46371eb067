package dev.reservation.mongo.internal.embedded;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the embedded server answered queries since it started: documents read to answer them
 * (from an index's positions, a walk, or a scan), and how many queries were key lookups, ordered
 * walks and collection scans; the commands it was sent (each one a round trip of the driver's),
 * by name and collection; and the commits of its file. For tests and diagnostics; thread-safe.
 */
public final class QueryStats {
    final LongAdder examined = new LongAdder();
    final LongAdder lookups = new LongAdder();
    final LongAdder walks = new LongAdder();
    final LongAdder scans = new LongAdder();
    final LongAdder commits = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> commands = new ConcurrentHashMap<>();

    /** Counts one command, named "command collection" (e.g. "update room_days"). */
    void command(String name, Object collection) {
        String key = collection instanceof String c ? name + " " + c : name;
        commands.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Commands received so far by "command collection", in name order (driver handshakes and pings included). */
    public SortedMap<String, Long> commands() {
        SortedMap<String, Long> out = new TreeMap<>();
        commands.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Commits of the data file (several write commands may share one: group commit). */
    public long commits() {
        return commits.sum();
    }

    public long examined() {
        return examined.sum();
    }

    public long lookups() {
        return lookups.sum();
    }

    public long walks() {
        return walks.sum();
    }

    public long scans() {
        return scans.sum();
    }

    @Override
    public String toString() {
        return "examined " + examined() + ", lookups " + lookups() + ", walks " + walks() + ", scans " + scans();
    }
}
