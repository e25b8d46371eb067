package dev.reservation.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.reservation.core.domain.Room;
import dev.reservation.core.store.RoomStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rooms served from memory, as {@link CachedUserStore} serves users: at most {@code ttl} stale for
 * another process's changes, current at once for this process's. Thread-safe.
 */
public final class CachedRoomStore implements RoomStore {
    private final RoomStore delegate;
    private final ReadThrough cache;

    public CachedRoomStore(RoomStore delegate, Duration ttl, Ticker ticker) {
        this.delegate = delegate;
        this.cache = new ReadThrough(ttl, ticker, 10_000);
    }

    @Override
    public Room insert(Room room) {
        return cache.write(() -> delegate.insert(room));
    }

    @Override
    public Room update(Room room) {
        return cache.write(() -> delegate.update(room));
    }

    @Override
    public Optional<Room> findById(String id) {
        return cache.get("byId", id, () -> delegate.findById(id));
    }

    @Override
    public Optional<Room> findByName(String name) {
        return cache.get("byName", name.toLowerCase(Locale.ROOT), () -> delegate.findByName(name));
    }

    @Override
    public List<Room> findAll() {
        return cache.get("all", "", delegate::findAll);
    }
}
