package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Tables;
import dev.reservation.cli.output.Views.ReservationJson;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.ops.OperationsService;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.store.ReservationQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reservations list | show | cancel | pending | approve | decline | check-in}, as the acting
 * user may see them: a MEMBER sees others' reservations only as busy slots; approving and declining
 * are for a room's approvers and ADMINs. One instance per run; not thread-safe.
 */
@Command(name = "reservations", mixinStandardHelpOptions = true,
        description = "List, show and cancel reservations; approve or decline requests; check in.")
public final class ReservationsCommand {
    private final CliContext context;

    public ReservationsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {
        "Reservations matching all the filters given, by start time.",
        "A MEMBER sees others' reservations as busy slots: time, room and status only."})
    int list(@Option(names = "--room", paramLabel = "<name|id>", description = "only this room") String room,
             @Option(names = "--user", paramLabel = "<email|id>", description = "only this user's") String user,
             @Option(names = "--from", paramLabel = "<time>", description = "only those still running at or after")
             String from,
             @Option(names = "--to", paramLabel = "<time>", description = "only those starting before") String to,
             @Option(names = "--status", description = "one of ${COMPLETION-CANDIDATES}") ReservationStatus status,
             @Option(names = "--limit", defaultValue = "100", description = "at most this many (default: 100)")
             int limit,
             @Option(names = "--zone", description = "zone of local --from/--to without --room (default: this machine's)")
             String zone) {
        Optional<Room> onlyRoom = Optional.ofNullable(room).map(context.lookups()::room);
        Optional<String> onlyUser = Optional.ofNullable(user).map(u -> context.lookups().user(u).id());
        ZoneId times = onlyRoom.map(Room::zone).orElseGet(() -> zone == null ? context.localZone() : Room.parseZone(zone));
        Optional<Instant> fromTime = Optional.ofNullable(from).map(f -> context.times().instant("--from", f, times));
        Optional<Instant> toTime = Optional.ofNullable(to).map(t -> context.times().instant("--to", t, times));
        ReservationQuery query = new ReservationQuery(onlyRoom.map(Room::id), onlyUser, fromTime, toTime,
                Optional.ofNullable(status), limit);
        List<ReservationView> found = context.service(ReservationService.class).find(context.actor(), query);
        Map<String, Room> rooms = context.lookups().allRooms();
        context.output().result(Json.object("reservations", found.stream()
                        .map(r -> ReservationJson.of(r, Optional.ofNullable(rooms.get(r.roomId())))).toList()),
                out -> {
                    Tables.reservations(out, found, rooms, context.lookups().allUsers());
                    if (found.size() == limit) {
                        out.println("(the first " + limit + "; more may match: raise --limit or narrow the filters)");
                    }
                });
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = {
        "Show one reservation with its audit trail: who created it and when, who cancelled it.",
        "A MEMBER sees someone else's reservation as a busy slot only."})
    int show(@Parameters(paramLabel = "<id>", description = "the reservation id") String id) {
        ReservationView reservation = context.service(ReservationService.class).get(context.actor(), id);
        Optional<Room> room = context.lookups().roomById(reservation.roomId());
        context.output().result(Json.object("reservation", ReservationJson.of(reservation, room)), out -> {
            out.println(Tables.reservation(reservation, room.orElse(null), context.lookups().allUsers()));
            reservation.details().ifPresent(r -> Tables.audit(out, r, room.orElse(null), context.lookups().allUsers()));
        });
        return 0;
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = {
        "Cancel a reservation: its owner or an admin may. It is kept, marked CANCELLED.",
        "Cancelling a cancelled reservation changes nothing and succeeds."})
    int cancel(@Parameters(paramLabel = "<id>", description = "the reservation id") String id) {
        ReservationService reservations = context.service(ReservationService.class);
        boolean wasConfirmed = reservations.get(context.actor(), id).status().holdsRoom(); // CONFIRMED or PENDING
        Reservation cancelled = reservations.cancel(context.actor(), id);
        ReservationView view = ReservationView.of(cancelled, context.actor());
        Optional<Room> room = context.lookups().roomById(cancelled.roomId());
        context.output().result(Json.object("reservation", ReservationJson.of(view, room),
                        "alreadyCancelled", !wasConfirmed),
                out -> out.println((wasConfirmed ? "Cancelled: " : "Was already cancelled: ")
                        + Tables.reservation(view, room.orElse(null), context.lookups().allUsers())));
        return 0;
    }

    @Command(name = "pending", mixinStandardHelpOptions = true, description = {
        "Requests waiting for a decision, soonest first: all for an ADMIN, an approver's rooms for an approver.",
        "A pending request holds its slot (others cannot book over it) until approved, declined or expired."})
    int pending() {
        List<Reservation> queue = context.service(OperationsService.class).approvalQueue(context.actor());
        List<ReservationView> views = queue.stream().map(r -> ReservationView.of(r, context.actor())).toList();
        Map<String, Room> rooms = context.lookups().allRooms();
        context.output().result(Json.object("reservations", views.stream()
                        .map(r -> ReservationJson.of(r, Optional.ofNullable(rooms.get(r.roomId())))).toList()),
                out -> Tables.reservations(out, views, rooms, context.lookups().allUsers()));
        return 0;
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = {
        "Approve a pending request: it becomes CONFIRMED. For the room's approvers and ADMINs.",
        "The reason, if given, is kept in the reservation's audit trail."})
    int approve(@Parameters(paramLabel = "<id>", description = "the reservation id") String id,
                @Option(names = "--reason", paramLabel = "<text>", description = "why (at most 500 characters)")
                String reason) {
        return decided("Approved: ", context.service(OperationsService.class).approve(context.actor(), id, reason(reason)));
    }

    @Command(name = "decline", mixinStandardHelpOptions = true, description = {
        "Decline a pending request: it becomes DECLINED and its slot is free again. For the room's approvers and ADMINs.",
        "The reason, if given, is kept in the reservation's audit trail."})
    int decline(@Parameters(paramLabel = "<id>", description = "the reservation id") String id,
                @Option(names = "--reason", paramLabel = "<text>", description = "why (at most 500 characters)")
                String reason) {
        return decided("Declined: ", context.service(OperationsService.class).decline(context.actor(), id, reason(reason)));
    }

    @Command(name = "check-in", mixinStandardHelpOptions = true, description = {
        "Check in to a confirmed reservation within its room's check-in window (by default 10 minutes before"
            + " to 15 after the start). Its owner or an ADMIN may.",
        "In a room with auto-release, a reservation not checked in when the window closes is released."})
    int checkIn(@Parameters(paramLabel = "<id>", description = "the reservation id") String id) {
        return decided("Checked in: ", context.service(OperationsService.class).checkIn(context.actor(), id));
    }

    private int decided(String what, Reservation r) {
        ReservationView view = ReservationView.of(r, context.actor());
        Optional<Room> room = context.lookups().roomById(r.roomId());
        context.output().result(Json.object("reservation", ReservationJson.of(view, room),
                        "checkedInAt", r.checkedInAt() == null ? null : r.checkedInAt().toString(),
                        "approvedBy", r.approvedBy(), "reason", r.reason()),
                out -> {
                    out.println(what + Tables.reservation(view, room.orElse(null)));
                    Tables.audit(out, r, room.orElse(null), context.lookups().allUsers());
                });
        return 0;
    }

    private static String reason(String reason) {
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "a reason is at most 500 characters");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
