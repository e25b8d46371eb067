package dev.reservation.core.service;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.Suggestions;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds free rooms and free time: the free-room search, a room's next free slot, and the
 * suggestions offered after a conflict. Reads only; thread-safe.
 */
public final class RoomSearchService {
    /** Smallest room that fits first, then by name: keeps big rooms for big meetings. */
    static final Comparator<Room> BEST_FIT = Comparator.comparingInt(Room::capacity)
            .thenComparing(Room::nameKey).thenComparing(Room::id);
    private static final Duration SCAN_STEP = Duration.ofDays(7);
    private static final int MAX_OTHER_ROOMS = 5;

    private final RoomStore rooms;
    private final LocationStore locations;
    private final ReservationStore reservations;
    private final BookingPolicy policy;
    private final Clock clock;

    /** Without locations as data: nearness is judged from rooms' free-text locations and zones. */
    public RoomSearchService(RoomStore rooms, ReservationStore reservations, BookingPolicy policy, Clock clock) {
        this(rooms, null, reservations, policy, clock);
    }

    /** @param locations the rooms' locations, for nearness and the place filter; null for none */
    public RoomSearchService(RoomStore rooms, LocationStore locations, ReservationStore reservations,
                             BookingPolicy policy, Clock clock) {
        this.rooms = rooms;
        this.locations = locations;
        this.reservations = reservations;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Active rooms free for the whole slot with enough seats and all the equipment, at the query's
     * place if it names one; those in the query's zone first, then smallest fitting first.
     */
    public List<Room> freeRooms(FreeRoomQuery query) {
        Places places = Places.of(locations);
        List<Room> fitting = rooms.findAll().stream()
                .filter(r -> r.active() && r.capacity() >= query.minSeats() && r.has(query.equipment()))
                .filter(r -> places.isAt(r, query.place()))
                .toList();
        if (fitting.isEmpty()) {
            return List.of();
        }
        Set<String> busy = reservations.busyRooms(query.slot(), fitting.stream().map(Room::id).toList());
        Comparator<Room> order = query.nearZone() == null ? BEST_FIT
                : Comparator.comparing((Room r) -> !r.zone().equals(query.nearZone())).thenComparing(BEST_FIT);
        return fitting.stream().filter(r -> !busy.contains(r.id())).sorted(order).toList();
    }

    /**
     * What to offer when {@code wanted} in {@code room} is taken: the room's next free slot, and
     * other rooms free then, nearest first (same building, same site, same zone, elsewhere), then
     * those with the room's equipment, then smallest fitting.
     */
    public Suggestions suggestionsFor(Room room, TimeSlot wanted, int attendees) {
        Optional<TimeSlot> next = nextFreeSlot(room.id(), wanted.start(), wanted.duration());
        Places places = Places.of(locations);
        List<Room> others = freeRooms(new FreeRoomQuery(wanted, attendees, Set.of())).stream()
                .filter(r -> !r.id().equals(room.id()))
                .sorted(Comparator.comparingInt((Room r) -> places.distance(room, r))
                        .thenComparing((Room r) -> !r.has(room.equipment())).thenComparing(BEST_FIT))
                .limit(MAX_OTHER_ROOMS)
                .toList();
        return new Suggestions(next, others);
    }

    /**
     * The earliest slot of {@code length} starting at or after {@code from} in which the room has
     * no confirmed reservation, if one ends within the booking horizon.
     */
    public Optional<TimeSlot> nextFreeSlot(String roomId, Instant from, Duration length) {
        Instant limit = clock.instant().plus(policy.horizon());
        Instant candidate = from;
        while (!candidate.plus(length).isAfter(limit)) {
            Instant windowEnd = min(candidate.plus(length).plus(SCAN_STEP), limit);
            List<Reservation> busy = reservations.find(
                    ReservationQuery.all().room(roomId).holdingOnly().window(candidate, windowEnd));
            boolean truncated = busy.size() == ReservationQuery.MAX_LIMIT;
            if (truncated) {
                windowEnd = busy.get(busy.size() - 1).slot().start();
            }
            for (Reservation r : busy) {
                if (!r.slot().end().isAfter(candidate)) {
                    continue;
                }
                if (!r.slot().start().isBefore(candidate.plus(length))) {
                    break;
                }
                candidate = r.slot().end();
            }
            if (!candidate.plus(length).isAfter(windowEnd)) {
                return Optional.of(TimeSlot.of(candidate, length));
            }
            if (!truncated && windowEnd.equals(limit)) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Whether the room is free at {@code at} and, if not, when it next is. */
    public RoomAvailability availability(Room room, Instant at) {
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // slots are kept in milliseconds
        Optional<Instant> nextFree = nextFreeSlot(room.id(), now, Duration.ofMillis(1)).map(TimeSlot::start);
        return new RoomAvailability(room, now, nextFree.filter(now::equals).isPresent(), nextFree);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
