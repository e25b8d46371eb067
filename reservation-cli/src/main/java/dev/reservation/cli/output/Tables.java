package dev.reservation.cli.output;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.ReservationView;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human-readable tables and one-line summaries of users, rooms and reservations. A reservation
 * the actor may only see as a busy slot shows its time and room, the title "Busy" and no owner.
 * Thread-safe.
 */
public final class Tables {
    private Tables() {
    }

    public static void users(PrintWriter out, List<User> users) {
        TextTable table = new TextTable("ID", "NAME", "EMAIL", "ROLE", "ACTIVE");
        users.forEach(u -> table.row(u.id(), u.name(), u.email(), u.role(), yesNo(u.active())));
        table.print(out, "(no users; 'reservation seed' loads the demo users)");
    }

    public static void user(PrintWriter out, User u) {
        out.println(u.name() + " <" + u.email() + ">  id " + u.id() + ", " + u.role()
                + (u.active() ? "" : ", deactivated"));
    }

    public static void rooms(PrintWriter out, List<Room> rooms) {
        rooms(out, rooms, "(no rooms; 'reservation seed' loads the demo rooms)");
    }

    public static void rooms(PrintWriter out, List<Room> rooms, String whenEmpty) {
        TextTable table = new TextTable("ID", "NAME", "SEATS", "EQUIPMENT", "LOCATION", "ZONE", "ACTIVE");
        rooms.forEach(r -> table.row(r.id(), r.name(), r.capacity(), equipment(r), r.location(), r.zone(),
                yesNo(r.active())));
        table.print(out, whenEmpty);
    }

    public static void room(PrintWriter out, Room r) {
        out.println(r.name() + "  id " + r.id() + ", " + r.capacity() + (r.capacity() == 1 ? " seat, " : " seats, ") + r.location() + ", " + r.zone()
                + (r.active() ? "" : ", deactivated: takes no new reservations"));
        out.println("equipment: " + (r.equipment().isEmpty() ? "none" : equipment(r)));
    }

    /** Times in each reservation's room zone (UTC when the room is unknown); users by email when known. */
    public static void reservations(PrintWriter out, List<ReservationView> list, Map<String, Room> rooms,
                                    Map<String, User> users) {
        TextTable table = new TextTable("ID", "ROOM", "WHEN", "USER", "STATUS", "TITLE");
        for (ReservationView r : list) {
            Room room = rooms.get(r.roomId());
            String owner = r.details().map(d -> users.containsKey(d.userId()) ? users.get(d.userId()).email()
                    : d.userId()).orElse(null);
            table.row(r.id(), room == null ? r.roomId() : room.name(), Times.slot(r.slot(), zone(room)), owner,
                    r.status(), r.displayTitle());
        }
        table.print(out, "(no reservations)");
    }

    /**
     * {@code <id>  Spree  2030-01-07 10:00-11:00 Europe/Berlin  "Standup" (4 attendees) by u-ada, CONFIRMED}
     * (ids; the three-argument form names people);
     * a busy slot: {@code <id>  Spree  2030-01-07 10:00-11:00 Europe/Berlin  Busy, CONFIRMED}.
     */
    public static String reservation(ReservationView view, Room room) {
        return reservation(view, room, Map.of());
    }

    /** As {@link #reservation(ReservationView, Room)}, people by name where {@code users} knows them. */
    public static String reservation(ReservationView view, Room room, Map<String, User> users) {
        String head = view.id() + "  " + (room == null ? view.roomId() : room.name()) + "  "
                + Times.slot(view.slot(), zone(room)) + "  ";
        if (view.details().isEmpty()) {
            return head + view.displayTitle() + ", " + view.status();
        }
        Reservation r = view.details().get();
        String line = head + "\"" + r.title() + "\" (" + r.attendees() + (r.attendees() == 1 ? " attendee" : " attendees")
                + ") by " + name(r.userId(), users) + ", " + r.status();
        if (r.cancelledAt() != null) {
            line += " at " + Times.local(r.cancelledAt(), zone(room)) + " by " + name(r.cancelledBy(), users);
        }
        return line;
    }

    /**
     * The audit trail: who created the reservation and when, who approved it, when it was checked in,
     * who ended it (cancelled, declined, expired, auto-released) and the decision's reason.
     */
    public static void audit(PrintWriter out, Reservation r, Room room, Map<String, User> users) {
        ZoneId zone = zone(room);
        out.println("created " + Times.local(r.createdAt(), zone) + " " + zone + " by " + who(r.createdBy(), users));
        if (r.approvedAt() != null) {
            out.println("approved " + Times.local(r.approvedAt(), zone) + " " + zone + " by " + who(r.approvedBy(), users));
        }
        if (r.checkedInAt() != null) {
            out.println("checked in " + Times.local(r.checkedInAt(), zone) + " " + zone);
        }
        if (r.cancelledAt() != null) {
            String ended = r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            out.println(ended + " " + Times.local(r.cancelledAt(), zone) + " " + zone + " by "
                    + who(r.cancelledBy(), users));
        }
        if (r.reason() != null) {
            out.println("reason: " + r.reason());
        }
    }

    private static String who(String userId, Map<String, User> users) {
        User user = users.get(userId);
        return user == null ? userId : user.name() + " <" + user.email() + ">";
    }

    /** A person's name, or the id itself (e.g. local-operator) when no user has it. */
    private static String name(String userId, Map<String, User> users) {
        User user = users.get(userId);
        return user == null ? userId : user.name();
    }

    private static ZoneId zone(Room room) {
        return room == null ? ZoneOffset.UTC : room.zone();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    static String equipment(Room r) {
        return r.equipment().stream().sorted().map(Equipment::label).collect(Collectors.joining(","));
    }
}
