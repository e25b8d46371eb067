package dev.reservation.core.service;

import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.auth.SignInThrottle;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.memory.InMemoryCredentialStore;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.store.ReservationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/** Services over in-memory stores at a fixed "now", with two users and three rooms. */
final class ServiceFixture {
    static final Instant NOW = Instant.parse("2030-06-03T07:30:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryRoomStore rooms = new InMemoryRoomStore();
    final ReservationStore reservations;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final RoomSearchService search;
    final ReservationService service;
    final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    final PasswordHasher hasher = new PasswordHasher(1_000, new java.security.SecureRandom());
    final SignInThrottle throttle = new SignInThrottle(new dev.reservation.core.memory.InMemorySignInAttemptStore(), clock, 3, Duration.ofMinutes(15));
    final UserService userService;
    final RoomService roomService;
    final AuthService auth;

    final User admin = users.insert(new User("admin", "Ada Admin", "ada@example.com", Role.ADMIN));
    final User grace = users.insert(new User("grace", "Grace", "grace@example.com", Role.MEMBER));
    final User alan = users.insert(new User("alan", "Alan", "alan@example.com", Role.MEMBER));
    final Room small = rooms.insert(new Room("small", "Small", "1st floor", 4, Set.of(Equipment.WHITEBOARD), BERLIN));
    final Room medium = rooms.insert(new Room("medium", "Medium", "1st floor", 8,
            Set.of(Equipment.WHITEBOARD, Equipment.PROJECTOR), BERLIN));
    final Room large = rooms.insert(new Room("large", "Large", "2nd floor", 20,
            Set.of(Equipment.PROJECTOR, Equipment.VIDEO_CONFERENCING), BERLIN));

    ServiceFixture() {
        this(new InMemoryReservationStore());
    }

    ServiceFixture(ReservationStore reservations) {
        this.reservations = reservations;
        this.search = new RoomSearchService(rooms, reservations, BookingPolicy.DEFAULT, clock);
        this.service = new ReservationService(users, rooms, reservations, search, BookingPolicy.DEFAULT, clock,
                IdGenerator.uuids());
        this.userService = new UserService(users, credentials, hasher, IdGenerator.uuids());
        this.roomService = new RoomService(rooms, IdGenerator.uuids());
        this.auth = new AuthService(users, credentials, hasher, throttle, IdGenerator.uuids());
    }

    /** Tomorrow (relative to NOW) at {@code hour}:{@code minute} UTC for {@code minutes}. */
    static TimeSlot tomorrow(int hour, int minute, int minutes) {
        Instant start = Instant.parse("2030-06-04T00:00:00Z").plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
        return TimeSlot.of(start, Duration.ofMinutes(minutes));
    }

    ReserveRequest request(Room room, User user, TimeSlot slot) {
        return new ReserveRequest(room.id(), user.id(), slot, "Sync", 2);
    }

    static Actor as(User user) {
        return Actor.of(user);
    }
}
