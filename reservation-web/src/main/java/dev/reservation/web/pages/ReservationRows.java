package dev.reservation.web.pages;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.web.api.ReservationDto;
import dev.reservation.web.pages.view.ReservationRow;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns reservations into table rows with room and user names and local times. Thread-safe. */
public final class ReservationRows {
    private final RoomService rooms;
    private final UserService users;

    public ReservationRows(RoomService rooms, UserService users) {
        this.rooms = rooms;
        this.users = users;
    }

    public List<ReservationRow> of(List<Reservation> reservations) {
        Map<String, Room> roomsById = rooms.list().stream().collect(Collectors.toMap(Room::id, Function.identity()));
        Map<String, User> usersById = users.list().stream().collect(Collectors.toMap(User::id, Function.identity()));
        return reservations.stream().map(r -> {
            Room room = roomsById.get(r.roomId());
            User user = usersById.get(r.userId());
            return new ReservationRow(ReservationDto.of(r, room), room == null ? r.roomId() : room.name(),
                    user == null ? r.userId() : user.name(),
                    Format.slot(r.slot(), room == null ? ZoneOffset.UTC : room.zone()), r.isConfirmed());
        }).toList();
    }
}
