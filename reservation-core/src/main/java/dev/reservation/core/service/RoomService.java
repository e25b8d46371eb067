package dev.reservation.core.service;

import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.store.RoomStore;
import java.util.List;

/** Creates and finds rooms; names are unique, case-insensitively. Thread-safe. */
public final class RoomService {
    private final RoomStore rooms;
    private final IdGenerator ids;

    public RoomService(RoomStore rooms, IdGenerator ids) {
        this.rooms = rooms;
        this.ids = ids;
    }

    /** @throws AlreadyExistsException when the name is taken (the store decides, atomically) */
    public Room create(NewRoom request) {
        Room room = new Room(ids.newId(), request.name(), request.location(), request.capacity(),
                request.equipment(), request.zone());
        return rooms.insert(room);
    }

    public List<Room> list() {
        return rooms.findAll();
    }

    public Room get(String id) {
        return rooms.findById(id).orElseThrow(() -> new RoomNotFoundException(id));
    }

    /** Finds a room by id, else by name (case-insensitive). */
    public Room resolve(String idOrName) {
        return rooms.findById(idOrName)
                .or(() -> rooms.findByName(idOrName))
                .orElseThrow(() -> new RoomNotFoundException(idOrName));
    }
}
