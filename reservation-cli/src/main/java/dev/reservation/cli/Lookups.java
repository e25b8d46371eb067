package dev.reservation.cli;

import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds rooms and users the way commands name them, and remembers every room it loaded so that
 * output and error messages can show room names and local times without asking the store again
 * ({@link #knownRoom} never does I/O). Thread-safe.
 */
public final class Lookups {
    private final Supplier<RoomService> rooms;
    private final Supplier<UserService> users;
    private final Map<String, Room> known = new ConcurrentHashMap<>();

    Lookups(Supplier<RoomService> rooms, Supplier<UserService> users) {
        this.rooms = rooms;
        this.users = users;
    }

    /** A room by id, else by name (case-insensitive). */
    public Room room(String idOrName) {
        return remember(rooms.get().resolve(idOrName));
    }

    /** The room with this id, if it exists. */
    public Optional<Room> roomById(String id) {
        Room room = known.get(id);
        if (room != null) {
            return Optional.of(room);
        }
        try {
            return Optional.of(remember(rooms.get().get(id)));
        } catch (RoomNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Every room, by id, in the store's order (by name). */
    public Map<String, Room> allRooms() {
        Map<String, Room> all = new LinkedHashMap<>();
        rooms.get().list().forEach(room -> all.put(room.id(), remember(room)));
        return all;
    }

    /** A user by id, or by email when the key has an {@code @}. */
    public User user(String idOrEmail) {
        return users.get().resolve(idOrEmail);
    }

    /** Every user, by id. */
    public Map<String, User> allUsers() {
        Map<String, User> all = new LinkedHashMap<>();
        users.get().list().forEach(user -> all.put(user.id(), user));
        return all;
    }

    /** A room already loaded in this run; never touches the store. */
    public Optional<Room> knownRoom(String id) {
        return Optional.ofNullable(known.get(id));
    }

    private Room remember(Room room) {
        known.put(room.id(), room);
        return room;
    }
}
