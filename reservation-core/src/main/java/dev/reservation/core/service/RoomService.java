package dev.reservation.core.service;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.store.RoomStore;
import java.util.List;

/**
 * Creates, edits, deactivates and finds rooms; names are unique, case-insensitively. Changes need
 * an ADMIN; reads are open to every actor. Thread-safe.
 */
public final class RoomService {
    private final RoomStore rooms;
    private final IdGenerator ids;

    public RoomService(RoomStore rooms, IdGenerator ids) {
        this.rooms = rooms;
        this.ids = ids;
    }

    /** @throws AlreadyExistsException when the name is taken (the store decides, atomically) */
    public Room create(Actor actor, NewRoom request) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        return rooms.insert(new Room(ids.newId(), request.name(), request.location(), request.capacity(),
                request.equipment(), request.zone()));
    }

    /** Replaces a room's name, location, capacity, equipment and zone; reservations are untouched. */
    public Room update(Actor actor, String roomId, NewRoom changes) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        Room current = get(roomId);
        return rooms.update(new Room(roomId, changes.name(), changes.location(), changes.capacity(),
                changes.equipment(), changes.zone(), current.active()));
    }

    /** Deactivates a room: no new reservations, out of searches; its reservations stay. Idempotent. */
    public Room deactivate(Actor actor, String roomId) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        Room room = get(roomId);
        return room.active() ? rooms.update(room.withActive(false)) : room;
    }

    public Room reactivate(Actor actor, String roomId) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        Room room = get(roomId);
        return room.active() ? room : rooms.update(room.withActive(true));
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
