package dev.reservation.bench;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.store.BookingOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * The core service over the in-memory store, as an embedding application would wire it, with a
 * fixed clock and a booking horizon long enough that benchmarks never run out of future slots.
 * Not thread-safe to build; the services it holds are.
 */
final class CoreWorld {
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Instant FIRST_SLOT = NOW.plus(Duration.ofHours(1));
    static final BookingPolicy LONG_HORIZON =
            new BookingPolicy(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(365L * 200));

    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryRoomStore rooms = new InMemoryRoomStore();
    final InMemoryReservationStore reservations = new InMemoryReservationStore();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The id generator CoreModule binds by default. */
    final IdGenerator ids = IdGenerator.timeOrdered(clock);
    final RoomSearchService search = new RoomSearchService(rooms, reservations, LONG_HORIZON, clock);
    final ReservationService service = new ReservationService(users, rooms, reservations, search, LONG_HORIZON, clock,
            ids);
    final User user = users.insert(new User("u-bench", "Bench User", "bench@example.com", Role.MEMBER));
    final Actor actor = Actor.of(user);

    /** Adds {@code count} rooms named r0..r{count-1}, with capacities and equipment spread out. */
    void addRooms(int count) {
        Equipment[] all = Equipment.values();
        for (int i = 0; i < count; i++) {
            Set<Equipment> equipment = EnumSet.of(all[i % all.length], all[(i / all.length) % all.length]);
            rooms.insert(new Room("r" + i, "Room " + i, "Floor " + (i % 20), 2 + (i % 30), equipment, ZoneId.of("UTC")));
        }
    }

    /**
     * Stores {@code count} 30-minute reservations, one an hour, in the room, directly through the
     * store. Shaped like real ones: a UUID id, a title and a creation time of their own each.
     */
    void fill(String roomId, int count) {
        for (int i = 0; i < count; i++) {
            Instant start = FIRST_SLOT.plus(Duration.ofHours(i));
            BookingOutcome outcome = reservations.book(Reservation.confirmed(ids.newId(), roomId, user.id(),
                    TimeSlot.of(start, Duration.ofMinutes(30)), "Meeting " + (i % 100), 2, NOW.plusMillis(i), null));
            if (!(outcome instanceof BookingOutcome.Booked)) {
                throw new IllegalStateException("filler booking refused: " + outcome);
            }
        }
    }
}
