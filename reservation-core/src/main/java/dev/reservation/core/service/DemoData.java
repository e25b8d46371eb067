package dev.reservation.core.service;

import static dev.reservation.core.domain.Equipment.PHONE;
import static dev.reservation.core.domain.Equipment.PROJECTOR;
import static dev.reservation.core.domain.Equipment.SCREEN;
import static dev.reservation.core.domain.Equipment.VIDEO_CONFERENCING;
import static dev.reservation.core.domain.Equipment.WHITEBOARD;

import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The demo data the seed loads: 5 users and 10 rooms of a company with offices in Berlin, London
 * and New York. Ids are fixed so that seeding twice, or from two processes at once, adds nothing.
 */
public final class DemoData {
    /** The password every demo user gets on the embedded default (stated in the README); never elsewhere. */
    public static final String PASSWORD = "demo-password";

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public static final List<User> USERS = List.of(
            new User("u-ada", "Ada Lovelace", "ada@example.com", Role.ADMIN),
            new User("u-grace", "Grace Hopper", "grace@example.com", Role.MEMBER),
            new User("u-alan", "Alan Turing", "alan@example.com", Role.MEMBER),
            new User("u-katherine", "Katherine Johnson", "katherine@example.com", Role.MEMBER),
            new User("u-linus", "Linus Torvalds", "linus@example.com", Role.MEMBER));

    public static final List<Room> ROOMS = List.of(
            new Room("r-spree", "Spree", "Berlin HQ, 2nd floor", 4, Set.of(SCREEN, WHITEBOARD), BERLIN),
            new Room("r-havel", "Havel", "Berlin HQ, 2nd floor", 6, Set.of(SCREEN, VIDEO_CONFERENCING), BERLIN),
            new Room("r-tiergarten", "Tiergarten", "Berlin HQ, 3rd floor", 12,
                    Set.of(PROJECTOR, VIDEO_CONFERENCING, WHITEBOARD), BERLIN),
            new Room("r-wannsee", "Wannsee", "Berlin HQ, 3rd floor", 20, Set.of(PROJECTOR, PHONE, WHITEBOARD), BERLIN),
            new Room("r-phonebooth-b1", "Phone Booth B1", "Berlin HQ, 1st floor", 1, Set.of(PHONE), BERLIN),
            new Room("r-auditorium", "Auditorium", "Berlin HQ, ground floor", 80,
                    Set.of(PROJECTOR, VIDEO_CONFERENCING, SCREEN), BERLIN),
            new Room("r-thames", "Thames", "London office, 5th floor", 8,
                    Set.of(VIDEO_CONFERENCING, SCREEN, WHITEBOARD), LONDON),
            new Room("r-camden", "Camden", "London office, 5th floor", 3, Set.of(WHITEBOARD), LONDON),
            new Room("r-hudson", "Hudson", "New York office, 14th floor", 10,
                    Set.of(PROJECTOR, VIDEO_CONFERENCING), NEW_YORK),
            new Room("r-brooklyn", "Brooklyn", "New York office, 14th floor", 5, Set.of(SCREEN, PHONE), NEW_YORK));

    private DemoData() {
    }
}
