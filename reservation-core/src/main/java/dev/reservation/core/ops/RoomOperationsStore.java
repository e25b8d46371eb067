package dev.reservation.core.ops;

import java.util.List;
import java.util.Optional;

/** Port: the saved {@link RoomOperations} of rooms (absent: the room runs with the defaults). Thread-safe. */
public interface RoomOperationsStore {
    Optional<RoomOperations> find(String roomId);

    /** Saves (replaces) a room's settings. */
    void put(RoomOperations settings);

    /** Every saved room's settings. */
    List<RoomOperations> all();
}
