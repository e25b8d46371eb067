package dev.reservation.core.memory;

import dev.reservation.core.ops.RoomOperations;
import dev.reservation.core.ops.RoomOperationsStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Room operation settings in this process's memory. Thread-safe. */
public final class InMemoryRoomOperationsStore implements RoomOperationsStore {
    private final ConcurrentHashMap<String, RoomOperations> byRoom = new ConcurrentHashMap<>();

    @Override
    public Optional<RoomOperations> find(String roomId) {
        return Optional.ofNullable(byRoom.get(roomId));
    }

    @Override
    public void put(RoomOperations settings) {
        byRoom.put(settings.roomId(), settings);
    }

    @Override
    public List<RoomOperations> all() {
        return byRoom.values().stream().sorted(Comparator.comparing(RoomOperations::roomId)).toList();
    }
}
