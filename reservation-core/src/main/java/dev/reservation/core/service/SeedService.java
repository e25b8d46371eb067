package dev.reservation.core.service;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.util.List;

/**
 * Loads {@link DemoData} idempotently: what exists (by id, email or name) is left as it is. The
 * demo password ({@link DemoData#PASSWORD}) is given only by {@link #seedWithDemoPasswords}, which
 * frontends call for the embedded default alone.
 */
public final class SeedService {
    /** How many users and rooms a seed run added; zero and zero when everything was there. */
    public record SeedResult(int usersAdded, int roomsAdded, int locationsAdded) {
        public SeedResult(int usersAdded, int roomsAdded) {
            this(usersAdded, roomsAdded, 0);
        }
    }

    private final UserStore users;
    private final RoomStore rooms;
    private final LocationStore locations;

    /** Without locations as data: the demo rooms keep their location labels, without the locations. */
    public SeedService(UserStore users, RoomStore rooms) {
        this(users, rooms, null);
    }

    public SeedService(UserStore users, RoomStore rooms, LocationStore locations) {
        this.users = users;
        this.rooms = rooms;
        this.locations = locations;
    }

    /** Seeds, then gives every demo user without a password {@link DemoData#PASSWORD}. */
    public SeedResult seedWithDemoPasswords(Actor actor, AuthService auth) {
        SeedResult result = seed(actor);
        for (User user : DemoData.USERS) {
            users.findByEmail(user.email()).ifPresent(u -> auth.setPasswordIfMissing(u.id(),
                    DemoData.PASSWORD.toCharArray()));
        }
        return result;
    }

    /** Adds the demo users and rooms that are missing; needs the right to manage both. */
    public SeedResult seed(Actor actor) {
        Permissions.require(actor, Permissions.Operation.MANAGE_USERS, null);
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        int usersAdded = 0;
        for (User user : DemoData.USERS) {
            if (users.findById(user.id()).isEmpty() && users.findByEmail(user.email()).isEmpty()
                    && insertedNow(() -> users.insert(user))) {
                usersAdded++;
            }
        }
        int locationsAdded = 0;
        if (locations != null) {
            for (Location location : DemoData.LOCATIONS) {
                if (locations.findById(location.id()).isEmpty() && insertedNow(() -> locations.insert(location))) {
                    locationsAdded++;
                }
            }
        }
        int roomsAdded = 0;
        for (Room room : DemoData.ROOMS) {
            if (rooms.findById(room.id()).isEmpty() && rooms.findByName(room.name()).isEmpty()
                    && insertedNow(() -> rooms.insert(room))) {
                roomsAdded++;
            }
        }
        linkRoomsToTheirLocations();
        return new SeedResult(usersAdded, roomsAdded, locationsAdded);
    }

    /**
     * The migration from free text to locations as data: a room without a location id whose text
     * is a location's label ("Berlin HQ, 2nd floor") is linked to that location. Its text and zone
     * stay as they are; rooms whose text matches no location keep it, readable as before.
     */
    private void linkRoomsToTheirLocations() {
        if (locations == null) {
            return;
        }
        List<Location> known = locations.findAll();
        for (Room room : rooms.findAll()) {
            if (room.locationId() != null) {
                continue;
            }
            known.stream().filter(l -> l.label().equalsIgnoreCase(room.location()) && l.zone().equals(room.zone()))
                    .findFirst().ifPresent(l -> rooms.update(new Room(room.id(), room.name(), room.location(),
                            room.capacity(), room.equipment(), room.zone(), room.active(), l.id())));
        }
    }

    /** Another process seeding at the same moment may win the insert; that is fine. */
    private static boolean insertedNow(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (AlreadyExistsException raced) {
            return false;
        }
    }
}
