package dev.reservation.core.service;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;

/**
 * Loads {@link DemoData} idempotently: what exists (by id, email or name) is left as it is. The
 * demo password ({@link DemoData#PASSWORD}) is given only by {@link #seedWithDemoPasswords}, which
 * frontends call for the embedded default alone.
 */
public final class SeedService {
    /** How many users and rooms a seed run added; zero and zero when everything was there. */
    public record SeedResult(int usersAdded, int roomsAdded) {
    }

    private final UserStore users;
    private final RoomStore rooms;

    public SeedService(UserStore users, RoomStore rooms) {
        this.users = users;
        this.rooms = rooms;
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
        int roomsAdded = 0;
        for (Room room : DemoData.ROOMS) {
            if (rooms.findById(room.id()).isEmpty() && rooms.findByName(room.name()).isEmpty()
                    && insertedNow(() -> rooms.insert(room))) {
                roomsAdded++;
            }
        }
        return new SeedResult(usersAdded, roomsAdded);
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
