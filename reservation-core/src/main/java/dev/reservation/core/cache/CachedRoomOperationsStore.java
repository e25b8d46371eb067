package dev.reservation.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.reservation.core.ops.RoomOperations;
import dev.reservation.core.ops.RoomOperationsStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rooms' operation settings (approval, check-in, the door display's token), read by every booking
 * and every door-display request, from this process's cache for at most {@code ttl}: a change on
 * another instance (a rotated display token too) applies here within that bound, on this instance
 * at once. Thread-safe.
 */
public final class CachedRoomOperationsStore implements RoomOperationsStore {
    private final RoomOperationsStore delegate;
    private final ReadThrough cache;

    public CachedRoomOperationsStore(RoomOperationsStore delegate, Duration ttl, Ticker ticker) {
        this.delegate = delegate;
        this.cache = new ReadThrough(ttl, ticker, 10_000);
    }

    @Override
    public Optional<RoomOperations> find(String roomId) {
        return cache.get("byRoom", roomId, () -> delegate.find(roomId));
    }

    @Override
    public void put(RoomOperations settings) {
        cache.write(() -> {
            delegate.put(settings);
            return null;
        });
    }

    @Override
    public List<RoomOperations> all() {
        return cache.get("all", "", delegate::all);
    }
}
