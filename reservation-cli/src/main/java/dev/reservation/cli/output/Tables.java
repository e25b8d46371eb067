package dev.reservation.cli.output;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The human-readable tables and one-line summaries of users, rooms and reservations. Thread-safe. */
public final class Tables {
    private Tables() {
    }

    public static void users(PrintWriter out, List<User> users) {
        TextTable table = new TextTable("ID", "NAME", "EMAIL", "ROLE");
        users.forEach(u -> table.row(u.id(), u.name(), u.email(), u.role()));
        table.print(out, "(no users; 'reservation seed' loads the demo users)");
    }

    public static void user(PrintWriter out, User u) {
        out.println(u.name() + " <" + u.email() + ">  id " + u.id() + ", " + u.role());
    }

    public static void rooms(PrintWriter out, List<Room> rooms) {
        rooms(out, rooms, "(no rooms; 'reservation seed' loads the demo rooms)");
    }

    public static void rooms(PrintWriter out, List<Room> rooms, String whenEmpty) {
        TextTable table = new TextTable("ID", "NAME", "SEATS", "EQUIPMENT", "LOCATION", "ZONE");
        rooms.forEach(r -> table.row(r.id(), r.name(), r.capacity(), equipment(r), r.location(), r.zone()));
        table.print(out, whenEmpty);
    }

    public static void room(PrintWriter out, Room r) {
        out.println(r.name() + "  id " + r.id() + ", " + r.capacity() + " seats, " + r.location() + ", " + r.zone());
        out.println("equipment: " + (r.equipment().isEmpty() ? "none" : equipment(r)));
    }

    /** Times in each reservation's room zone (UTC when the room is unknown); users by email when known. */
    public static void reservations(PrintWriter out, List<Reservation> list, Map<String, Room> rooms,
                                    Map<String, User> users) {
        TextTable table = new TextTable("ID", "ROOM", "WHEN", "USER", "STATUS", "TITLE");
        for (Reservation r : list) {
            Room room = rooms.get(r.roomId());
            User user = users.get(r.userId());
            table.row(r.id(), room == null ? r.roomId() : room.name(),
                    Times.slot(r.slot(), room == null ? ZoneOffset.UTC : room.zone()),
                    user == null ? r.userId() : user.email(), r.status(), r.title());
        }
        table.print(out, "(no reservations)");
    }

    /** {@code <id>  Spree  2030-01-07 10:00-11:00 Europe/Berlin  "Standup" (4 attendees) by u-ada, CONFIRMED}. */
    public static String reservation(Reservation r, Room room) {
        String line = r.id() + "  " + (room == null ? r.roomId() : room.name()) + "  "
                + Times.slot(r.slot(), room == null ? ZoneOffset.UTC : room.zone())
                + "  \"" + r.title() + "\" (" + r.attendees() + (r.attendees() == 1 ? " attendee" : " attendees")
                + ") by " + r.userId() + ", " + r.status();
        if (r.cancelledAt() != null) {
            line += " at " + Times.local(r.cancelledAt(), room == null ? ZoneOffset.UTC : room.zone())
                    + " by " + r.cancelledBy();
        }
        return line;
    }

    static String equipment(Room r) {
        return r.equipment().stream().sorted().map(Equipment::label).collect(Collectors.joining(","));
    }
}
