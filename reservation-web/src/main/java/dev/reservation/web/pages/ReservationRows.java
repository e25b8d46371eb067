package dev.reservation.web.pages;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.web.api.ReservationJson;
import dev.reservation.web.pages.view.ReservationRow;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns reservations into table rows with room and user names and local times, as the viewer may
 * see them: others' reservations are busy slots for a MEMBER. Thread-safe.
 */
public final class ReservationRows {
    private final RoomService rooms;
    private final UserService users;

    public ReservationRows(RoomService rooms, UserService users) {
        this.rooms = rooms;
        this.users = users;
    }

    public List<ReservationRow> of(List<ReservationView> views, Actor viewer) {
        return of(views, viewer, null);
    }

    /** Rows whose times are in each room's zone and, where it differs, also in {@code viewerZone}. */
    public List<ReservationRow> of(List<ReservationView> views, Actor viewer, ZoneId viewerZone) {
        Map<String, Room> roomsById = rooms.list().stream().collect(Collectors.toMap(Room::id, Function.identity()));
        Map<String, User> usersById = views.stream().anyMatch(v -> v.details().isPresent())
                ? users.list().stream().collect(Collectors.toMap(User::id, Function.identity()))
                : Map.of();
        return views.stream().map(v -> row(v, viewer, roomsById.get(v.roomId()), usersById, viewerZone)).toList();
    }

    private static ReservationRow row(ReservationView v, Actor viewer, Room room, Map<String, User> usersById,
                                      ZoneId viewerZone) {
        String roomName = room == null ? v.roomId() : room.name();
        String when = Format.slot(v.slot(), room == null ? ZoneOffset.UTC : room.zone(), viewerZone);
        boolean confirmed = v.status() == ReservationStatus.CONFIRMED;
        if (v.details().isEmpty()) {
            return new ReservationRow(v.id(), v.roomId(), roomName, v.displayTitle(), "", "", v.status().name(), when,
                    confirmed, true, false);
        }
        Reservation r = v.details().get();
        return new ReservationRow(r.id(), r.roomId(), roomName, r.title(), name(usersById, r.userId()),
                String.valueOf(r.attendees()), r.status().name(), when, confirmed, false,
                confirmed && viewer != null && Permissions.allowed(viewer, Permissions.Operation.CANCEL, r.userId()));
    }

    /** A user's name, or the id itself (for example "local-operator") when it names no user. */
    static String name(Map<String, User> usersById, String userId) {
        User user = usersById.get(userId);
        return user == null ? userId : user.name();
    }
}
