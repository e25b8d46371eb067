package dev.reservation.core.store;

import dev.reservation.core.domain.Room;
import java.util.List;
import java.util.Optional;

/** Port: where rooms live. Thread-safe; failures as in {@link UserStore}. */
public interface RoomStore {
    /**
     * Adds a room.
     *
     * @throws dev.reservation.core.domain.AlreadyExistsException when the id or the name (case-insensitive) is taken
     */
    Room insert(Room room);

    /**
     * Replaces the room with the same id.
     *
     * @throws dev.reservation.core.domain.RoomNotFoundException when no room has that id
     * @throws dev.reservation.core.domain.AlreadyExistsException when the new name belongs to another room
     */
    Room update(Room room);

    Optional<Room> findById(String id);

    /** Looks up by name, case-insensitively. */
    Optional<Room> findByName(String name);

    /** All rooms ordered by name, then id. */
    List<Room> findAll();
}
