package dev.reservation.core.memory;

import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.store.RoomStore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Rooms in memory. Thread-safe; inserts are serialized (they are rare), reads are lock-free. */
public final class InMemoryRoomStore implements RoomStore {
    private final Map<String, Room> byId = new ConcurrentHashMap<>();
    private final Map<String, Room> byName = new ConcurrentHashMap<>();

    @Override
    public synchronized Room insert(Room room) {
        if (byId.containsKey(room.id())) {
            throw new AlreadyExistsException("id", "a room with id " + room.id() + " already exists");
        }
        if (byName.containsKey(room.nameKey())) {
            throw new AlreadyExistsException("name", "a room named " + room.name() + " already exists");
        }
        byName.put(room.nameKey(), room);
        byId.put(room.id(), room);
        resort();
        return room;
    }

    @Override
    public synchronized Room update(Room room) {
        Room old = byId.get(room.id());
        if (old == null) {
            throw new dev.reservation.core.domain.RoomNotFoundException(room.id());
        }
        Room owner = byName.get(room.nameKey());
        if (owner != null && !owner.id().equals(room.id())) {
            throw new AlreadyExistsException("name", "a room named " + room.name() + " already exists");
        }
        byName.remove(old.nameKey());
        byName.put(room.nameKey(), room);
        byId.put(room.id(), room);
        resort();
        return room;
    }

    @Override
    public Optional<Room> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Room> findByName(String name) {
        return Optional.ofNullable(byName.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** Sorted once per change, not per read: free-room searches list every room. */
    private volatile List<Room> sorted = List.of();

    @Override
    public List<Room> findAll() {
        return sorted;
    }

    private void resort() {
        sorted = byId.values().stream().sorted(Comparator.comparing(Room::nameKey).thenComparing(Room::id)).toList();
    }
}
