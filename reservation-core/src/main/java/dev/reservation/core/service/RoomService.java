package dev.reservation.core.service;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Location;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.RoomStore;
import java.util.List;
import java.util.Optional;

/**
 * Creates, edits, deactivates and finds rooms; names are unique, case-insensitively. Changes need
 * an ADMIN; reads are open to every actor. Thread-safe.
 */
public final class RoomService {
    private final RoomStore rooms;
    private final LocationStore locations;
    private final IdGenerator ids;

    /** Rooms without locations as data: every room has a free-text location. */
    public RoomService(RoomStore rooms, IdGenerator ids) {
        this(rooms, null, ids);
    }

    /** @param locations where {@link NewRoom#locationId()} is looked up; null for none */
    public RoomService(RoomStore rooms, LocationStore locations, IdGenerator ids) {
        this.rooms = rooms;
        this.locations = locations;
        this.ids = ids;
    }

    /**
     * @throws AlreadyExistsException when the name is taken (the store decides, atomically)
     * @throws InvalidInputException for an unknown location, or without a zone where the location gives none
     */
    public Room create(Actor actor, NewRoom request) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        return rooms.insert(room(ids.newId(), request, true));
    }

    /** Replaces a room's name, location, capacity, equipment and zone; reservations are untouched. */
    public Room update(Actor actor, String roomId, NewRoom changes) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        Room current = get(roomId);
        return rooms.update(room(roomId, changes, current.active()));
    }

    /** The room a request describes: at its location (label and default zone from there), or free text. */
    private Room room(String id, NewRoom r, boolean active) {
        if (r.locationId() == null || r.locationId().isBlank()) {
            if (r.zone() == null) {
                throw new InvalidInputException("zone", "time zone is required (or pick a location: its site's zone is used)");
            }
            return new Room(id, r.name(), r.location(), r.capacity(), r.equipment(), r.zone(), active, null);
        }
        Location at = location(r.locationId());
        return new Room(id, r.name(), at.label(), r.capacity(), r.equipment(), r.zone() == null ? at.zone() : r.zone(),
                active, at.id());
    }

    private Location location(String locationId) {
        return (locations == null ? Optional.<Location>empty() : locations.findById(locationId.strip()))
                .orElseThrow(() -> new InvalidInputException("locationId", "no location " + locationId
                        + "; pick one of the locations (an admin adds them under Locations)"));
    }

    /** The room's location, when it has one as data. */
    public Optional<Location> locationOf(Room room) {
        return room.locationId() == null || locations == null ? Optional.empty() : locations.findById(room.locationId());
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
