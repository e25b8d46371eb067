package dev.reservation.mongo.internal.embedded;

import java.util.concurrent.atomic.LongAdder;

/**
 * How the embedded server answered queries since it started: documents read to answer them
 * (from an index's positions, a walk, or a scan), and how many queries were key lookups, ordered
 * walks and collection scans. For tests and diagnostics; thread-safe.
 */
public final class QueryStats {
    final LongAdder examined = new LongAdder();
    final LongAdder lookups = new LongAdder();
    final LongAdder walks = new LongAdder();
    final LongAdder scans = new LongAdder();

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
