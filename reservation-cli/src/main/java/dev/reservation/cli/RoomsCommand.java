package dev.reservation.cli;

import dev.reservation.cli.input.DurationConverter;
import dev.reservation.cli.input.EquipmentConverter;
import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Tables;
import dev.reservation.cli.output.Times;
import dev.reservation.cli.output.Views;
import dev.reservation.cli.output.Views.ReservationJson;
import dev.reservation.cli.output.Views.RoomView;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.FreeRoomQuery;
import dev.reservation.core.service.NewRoom;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomAvailability;
import dev.reservation.core.service.RoomSchedule;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.service.RoomService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rooms list | add | show | free | deactivate | reactivate}, and {@code edit}. Changes need an
 * ADMIN (the core decides). One instance per run; not thread-safe.
 */
@Command(name = "rooms", mixinStandardHelpOptions = true, description = "List, add, edit, show rooms; find free ones.",
        subcommands = RoomEditCommand.class)
public final class RoomsCommand {
    private final CliContext context;

    public RoomsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List all rooms, by name.")
    int list() {
        List<Room> rooms = context.service(RoomService.class).list();
        context.output().result(Json.object("rooms", rooms.stream().map(RoomView::of).toList()),
                out -> Tables.rooms(out, rooms));
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a room (admins only).")
    int add(@Option(names = "--name", required = true, description = "unique name") String name,
            @Option(names = "--location", description = "building and floor as text (or --location-id)") String location,
            @Option(names = "--location-id", paramLabel = "<id>",
                    description = "a location from 'locations list': its label and its site's zone are used") String locationId,
            @Option(names = "--capacity", required = true, description = "seats") int capacity,
            @Option(names = "--equipment", split = ",", converter = EquipmentConverter.class, paramLabel = "<item>",
                    description = "repeatable or comma-separated: projector, video-conferencing, whiteboard, screen, phone")
            List<Equipment> equipment,
            @Option(names = "--zone", description = "time zone, e.g. Europe/Berlin (default: the location's, else this machine's)")
            String zone) {
        ZoneId roomZone = zone != null ? Room.parseZone(zone) : locationId != null ? null : context.localZone();
        if (location == null && locationId == null) {
            throw new InvalidInputException("location",
                    "say where the room is: --location-id <id> (see 'locations list') or --location <text>");
        }
        Room room = context.service(RoomService.class).create(context.actor(), new NewRoom(name, location, capacity,
                equipment == null ? Set.of() : Set.copyOf(equipment), roomZone, locationId));
        return print(context, "Added room ", room);
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = {
        "Deactivate a room (admins only): no new reservations, left out of 'rooms free'; its reservations stay.",
        "Deactivating a deactivated room changes nothing and succeeds."})
    int deactivate(@Parameters(paramLabel = "<name|id>", description = "the room's name or id") String key) {
        Room current = context.lookups().room(key);
        Room changed = context.service(RoomService.class).deactivate(context.actor(), current.id());
        return print(context, current.active() ? "Deactivated room " : "Was already deactivated: room ", changed);
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true,
            description = "Reactivate a deactivated room (admins only): it takes reservations again.")
    int reactivate(@Parameters(paramLabel = "<name|id>", description = "the room's name or id") String key) {
        Room current = context.lookups().room(key);
        Room changed = context.service(RoomService.class).reactivate(context.actor(), current.id());
        return print(context, current.active() ? "Was already active: room " : "Reactivated room ", changed);
    }

    static int print(CliContext context, String what, Room room) {
        context.output().result(Json.object("room", RoomView.of(room)), out -> {
            out.print(what);
            Tables.room(out, room);
        });
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a room, whether it is free now, and its reservations from today on.",
                "A MEMBER sees others' reservations as busy slots."})
    int show(@Parameters(paramLabel = "<name|id>", description = "the room's name or id") String key,
             @Option(names = "--days", defaultValue = "1", description = "days of schedule to show, 1-31 (default: 1)")
             int days) {
        Room room = context.lookups().room(key);
        RoomAvailability now = context.service(RoomSearchService.class).availability(room, context.clock().instant());
        LocalDate today = LocalDate.ofInstant(now.at(), room.zone());
        RoomSchedule schedule = context.service(ReservationService.class).schedule(context.actor(), room.id(), today,
                days);
        Object document = Json.object("room", RoomView.of(room),
                "availability", Json.object("at", Views.text(now.at()), "freeNow", now.freeNow(),
                        "nextFreeAt", now.nextFreeAt().map(Views::text).orElse(null)),
                "schedule", Json.object("firstDay", today.toString(), "days", days, "reservations",
                        schedule.reservations().stream().map(r -> ReservationJson.of(r, Optional.of(room))).toList()));
        context.output().result(document, out -> {
            Tables.room(out, room);
            out.println(now.freeNow() ? "free now" : "busy now; next free "
                    + now.nextFreeAt().map(at -> Times.local(at, room.zone())).orElse("not within the booking horizon"));
            out.println("schedule from " + today + " (" + days + (days == 1 ? " day" : " days") + "):");
            Tables.reservations(out, schedule.reservations(), Map.of(room.id(), room), context.lookups().allUsers());
        });
        return 0;
    }

    @Command(name = "free", mixinStandardHelpOptions = true,
            description = "Rooms free for a whole time window, smallest fitting room first.")
    int free(@Option(names = {"--start", "--at"}, required = true, paramLabel = "<time>",
                     description = "start of the window") String start,
             @Option(names = "--end", paramLabel = "<time>", description = "end of the window (or --duration)")
             Optional<String> end,
             @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "<duration>",
                     description = "length of the window, e.g. 30m, 1h30m (or --end)") Optional<Duration> duration,
             @Option(names = "--seats", defaultValue = "1", description = "at least this many seats (default: 1)")
             int seats,
             @Option(names = "--equipment", split = ",", converter = EquipmentConverter.class, paramLabel = "<item>",
                     description = "required equipment; repeatable or comma-separated") List<Equipment> equipment,
             @Option(names = "--zone", description = "zone of local times (default: this machine's)") String zone) {
        ZoneId localZone = zone == null ? context.localZone() : Room.parseZone(zone);
        TimeSlot slot = context.times().slot("--start", start, "--end", end, duration, localZone);
        Set<Equipment> needed = equipment == null ? Set.of() : Set.copyOf(equipment);
        List<Room> rooms = context.service(RoomSearchService.class).freeRooms(new FreeRoomQuery(slot, seats, needed));
        List<String> labels = needed.stream().sorted().map(Equipment::label).toList();
        Object document = Json.object("start", Views.text(slot.start()), "end", Views.text(slot.end()),
                "seats", seats, "equipment", labels, "rooms", rooms.stream().map(RoomView::of).toList());
        context.output().result(document, out -> {
            out.println("Free " + Times.slot(slot, localZone) + ", at least " + seats + (seats == 1 ? " seat" : " seats")
                    + (labels.isEmpty() ? "" : ", with " + labels.stream().collect(Collectors.joining(", "))) + ":");
            Tables.rooms(out, rooms, "(no room with enough seats and that equipment is free then)");
        });
        return 0;
    }
}
