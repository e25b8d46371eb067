package dev.reservation.core.service;

import static dev.reservation.core.domain.Equipment.PHONE;
import static dev.reservation.core.domain.Equipment.PROJECTOR;
import static dev.reservation.core.domain.Equipment.SCREEN;
import static dev.reservation.core.domain.Equipment.VIDEO_CONFERENCING;
import static dev.reservation.core.domain.Equipment.WHITEBOARD;

import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The demo data the seed loads: 5 users, 6 locations and 10 rooms of a company with offices in
 * Berlin (Berlin HQ, four floors), London and New York (the Brooklyn office). Ids are fixed so that seeding twice, or from two processes at once, adds nothing.
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

    public static final Location BERLIN_HQ_GROUND = new Location("l-berlin-hq-0", "Berlin", "Berlin HQ", "ground floor", BERLIN);
    public static final Location BERLIN_HQ_1 = new Location("l-berlin-hq-1", "Berlin", "Berlin HQ", "1st floor", BERLIN);
    public static final Location BERLIN_HQ_2 = new Location("l-berlin-hq-2", "Berlin", "Berlin HQ", "2nd floor", BERLIN);
    public static final Location BERLIN_HQ_3 = new Location("l-berlin-hq-3", "Berlin", "Berlin HQ", "3rd floor", BERLIN);
    public static final Location LONDON_5 = new Location("l-london-5", "London", "London office", "5th floor", LONDON);
    public static final Location BROOKLYN_14 = new Location("l-brooklyn-14", "New York", "Brooklyn office", "14th floor",
            NEW_YORK);

    /** The sites, buildings and floors the demo rooms are in. */
    public static final List<Location> LOCATIONS = List.of(BERLIN_HQ_GROUND, BERLIN_HQ_1, BERLIN_HQ_2, BERLIN_HQ_3,
            LONDON_5, BROOKLYN_14);

    public static final List<Room> ROOMS = List.of(
            new Room("r-spree", "Spree", BERLIN_HQ_2, 4, Set.of(SCREEN, WHITEBOARD)),
            new Room("r-havel", "Havel", BERLIN_HQ_2, 6, Set.of(SCREEN, VIDEO_CONFERENCING)),
            new Room("r-tiergarten", "Tiergarten", BERLIN_HQ_3, 12, Set.of(PROJECTOR, VIDEO_CONFERENCING, WHITEBOARD)),
            new Room("r-wannsee", "Wannsee", BERLIN_HQ_3, 20, Set.of(PROJECTOR, PHONE, WHITEBOARD)),
            new Room("r-phonebooth-b1", "Phone Booth B1", BERLIN_HQ_1, 1, Set.of(PHONE)),
            new Room("r-auditorium", "Auditorium", BERLIN_HQ_GROUND, 80, Set.of(PROJECTOR, VIDEO_CONFERENCING, SCREEN)),
            new Room("r-thames", "Thames", LONDON_5, 8, Set.of(VIDEO_CONFERENCING, SCREEN, WHITEBOARD)),
            new Room("r-camden", "Camden", LONDON_5, 3, Set.of(WHITEBOARD)),
            new Room("r-hudson", "Hudson", BROOKLYN_14, 10, Set.of(PROJECTOR, VIDEO_CONFERENCING)),
            new Room("r-brooklyn", "Brooklyn", BROOKLYN_14, 5, Set.of(SCREEN, PHONE)));

    private DemoData() {
    }
}
