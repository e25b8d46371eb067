package dev.reservation.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The answers of one store's reads, each kept for at most {@code ttl} (Caffeine, expire after
 * write) and all dropped at once when this process writes to that store. Other processes' writes
 * are seen at most {@code ttl} late: that is the staleness bound callers accept. A write whose
 * outcome is unknown drops them too. Thread-safe.
 */
final class ReadThrough {
    /** A read and its argument, e.g. ("byEmail", "ada@example.com"). */
    private record Key(String read, Object argument) {
    }

    private final Cache<Key, Object> answers;

    ReadThrough(Duration ttl, Ticker ticker, long maxEntries) {
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(maxEntries).build();
    }

    @SuppressWarnings("unchecked")
    <T> T get(String read, Object argument, Supplier<T> load) {
        return (T) answers.get(new Key(read, argument), k -> load.get());
    }

    /** Runs a write, then forgets every answer (also when the write failed: its outcome may be unknown). */
    <T> T write(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            answers.invalidateAll();
        }
    }
}
