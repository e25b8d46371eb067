package dev.reservation.web.pages;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Location;
import dev.reservation.core.service.LocationService;
import dev.reservation.core.time.LocalTimes;
import dev.reservation.core.time.TimeText;
import java.util.ArrayList;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.FreeRoomQuery;
import dev.reservation.core.service.RoomAvailability;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.api.RoomDto;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.FinderForm;
import dev.reservation.web.pages.view.RoomRow;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;

/**
 * The free-room finder behind the home page and /rooms: reads its form, searches, and describes
 * rooms with their availability now. Thread-safe.
 */
public final class RoomFinder {
    /** Found rooms and a sentence saying what was searched. */
    public record Result(List<RoomRow> rooms, String searched) {
    }

    private final RoomService rooms;
    private final RoomSearchService search;
    private final Clock clock;
    private final LocationService locations;

    public RoomFinder(RoomService rooms, RoomSearchService search, Clock clock) {
        this(rooms, search, clock, null);
    }

    public RoomFinder(RoomService rooms, RoomSearchService search, Clock clock, LocationService locations) {
        this.rooms = rooms;
        this.search = search;
        this.clock = clock;
        this.locations = locations;
    }

    /** The location filter's choices: anywhere, each site, each building of a site with several. */
    public List<FinderForm.Place> places() {
        List<FinderForm.Place> result = new ArrayList<>();
        result.add(new FinderForm.Place("", "Anywhere"));
        if (locations == null) {
            return result;
        }
        Map<String, List<Location>> bySite = locations.list().stream()
                .collect(Collectors.groupingBy(Location::site, TreeMap::new, Collectors.toList()));
        bySite.forEach((site, here) -> {
            result.add(new FinderForm.Place(site, site + " (all buildings)"));
            here.stream().map(Location::building).distinct().forEach(b ->
                    result.add(new FinderForm.Place(site + "/" + b, site + " · " + b)));
        });
        return result;
    }

    public static List<String> equipmentLabels() {
        return Arrays.stream(Equipment.values()).map(Equipment::label).toList();
    }

    public List<String> zones() {
        return rooms.list().stream().map(r -> r.zone().getId()).distinct().sorted().toList();
    }

    /** Today, the next whole hour for one hour, in the zone most rooms are in. */
    public FinderForm defaultForm() {
        return defaultForm(null);
    }

    /** Today, the next whole hour for one hour, in the viewer's zone if a room is there, else the zone most rooms are in. */
    public FinderForm defaultForm(ZoneId viewer) {
        ZoneId zone = viewer != null && zones().contains(viewer.getId()) ? viewer : rooms.list().stream()
                .collect(Collectors.groupingBy(r -> r.zone().getId(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> ZoneId.of(e.getKey()))
                .orElse(ZoneOffset.UTC);
        ZonedDateTime start = clock.instant().atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return new FinderForm(start.toLocalDate().toString(), start.toLocalTime().toString(),
                start.plusHours(1).toLocalTime().toString(), "1", zone.getId(), List.of(), null, places());
    }

    public FinderForm fromQuery(Context ctx) {
        return new FinderForm(ctx.queryParam("date"), ctx.queryParam("start"), ctx.queryParam("end"),
                ctx.queryParam("seats"), ctx.queryParam("zone"), ctx.queryParams("equipment"), ctx.queryParam("place"),
                places());
    }

    /** Searches; field problems go into {@code params} and the result is then empty. */
    public Optional<Result> search(FinderForm form, Params params) {
        Optional<LocalDate> date = params.date("date", form.date(), true);
        Optional<LocalTime> start = params.time("start", form.start(), true);
        Optional<LocalTime> end = params.time("end", form.end(), true);
        int seats = params.integer("seats", form.seats(), 1, 10_000, false).orElse(1);
        Set<Equipment> equipment = params.equipment("equipment", form.equipment());
        ZoneId zone = zone(params, form.zone());
        if (params.hasErrors() || date.isEmpty() || start.isEmpty() || end.isEmpty() || zone == null) {
            return Optional.empty();
        }
        Instant from;
        Instant to;
        try {
            from = LocalTimes.resolve("start", date.get().atTime(start.get()), zone);
            to = LocalTimes.resolve("end", (end.get().isAfter(start.get()) ? date.get() : date.get().plusDays(1))
                    .atTime(end.get()), zone);
        } catch (InvalidInputException e) {
            params.reject(e.field(), e.getMessage());
            return Optional.empty();
        }
        if (!to.isAfter(from)) {
            params.reject("end", "end must be after start");
            return Optional.empty();
        }
        TimeSlot slot = new TimeSlot(from, to);
        Optional<String> place = params.text("place", form.place(), 200, false);
        List<RoomRow> found = search.freeRooms(new FreeRoomQuery(slot, seats, equipment, place.orElse(null), zone))
                .stream()
                .map(r -> new RoomRow(RoomDto.of(r), true, "free " + TimeText.slotWithoutZone(slot, r.zone())
                        + " local time", reserveLink(r, slot, seats), localNow(r)))
                .toList();
        String what = Format.slot(slot, zone) + ", " + seats + "+ seats"
                + place.map(p -> ", at " + p.replace("/", " · ")).orElse("")
                + (equipment.isEmpty() ? "" : ", with " + String.join(", ",
                equipment.stream().map(Equipment::label).toList()));
        return Optional.of(new Result(found, what));
    }

    private static ZoneId zone(Params params, String raw) {
        Optional<String> text = params.text("zone", raw, 64, false);
        try {
            return text.map(ZoneId::of).orElse(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            params.reject("zone", "'" + Params.shorten(text.get()) + "' is not a time zone (e.g. Europe/Berlin)");
            return null;
        }
    }

    /** A room with its availability at this moment, said in the room's own zone. */
    public RoomRow withAvailability(Room room) {
        if (!room.active()) {
            return new RoomRow(RoomDto.of(room), false, "deactivated: takes no reservations", null, localNow(room));
        }
        RoomAvailability a = search.availability(room, clock.instant());
        String text = a.freeNow() ? "free now"
                : a.nextFreeAt().map(at -> "busy; free from " + freeFrom(at, room.zone()))
                .orElse("busy for the whole booking horizon");
        return new RoomRow(RoomDto.of(room), a.freeNow(), text, null, localNow(room));
    }

    /** "Tue 3 Mar 2026 09:00" there. */
    private static String freeFrom(Instant at, ZoneId zone) {
        return Format.moment(at, zone);
    }

    /** "10:12 there": what the clock on the room's wall says now. */
    private String localNow(Room room) {
        return TimeText.time(clock.instant(), room.zone());
    }

    /** /reserve pre-filled with {@code slot} shown in the room's own zone. */
    public static String reserveLink(Room room, TimeSlot slot, int attendees) {
        ZonedDateTime s = slot.start().atZone(room.zone());
        ZonedDateTime e = slot.end().atZone(room.zone());
        return Links.to("/reserve", "roomId", room.id(), "date", s.toLocalDate().toString(),
                "start", s.toLocalTime().toString(), "end", e.toLocalTime().toString(),
                "endDate", e.toLocalDate().equals(s.toLocalDate()) ? null : e.toLocalDate().toString(),
                "attendees", String.valueOf(attendees));
    }
}
