package dev.reservation.core.store;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/** Builders for the contract tests: readable slots ("day 1, 10:00 for 60 minutes") and candidates. */
public final class ContractData {
    /** A fixed Monday, far enough ahead of any test clock. */
    public static final Instant DAY0 = Instant.parse("2031-03-03T00:00:00Z");
    public static final Instant CREATED = Instant.parse("2031-01-01T08:00:00Z");

    private ContractData() {
    }

    public static TimeSlot slot(int day, int hour, int minute, int minutes) {
        Instant start = DAY0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
        return TimeSlot.of(start, Duration.ofMinutes(minutes));
    }

    public static Reservation candidate(String roomId, String userId, TimeSlot slot) {
        return candidate(roomId, userId, slot, null);
    }

    public static Reservation candidate(String roomId, String userId, TimeSlot slot, String idempotencyKey) {
        return Reservation.confirmed(UUID.randomUUID().toString(), roomId, userId, slot, "Planning", 2, CREATED,
                idempotencyKey);
    }

    public static User user(String id, String email) {
        return new User(id, "User " + id, email, Role.MEMBER);
    }

    public static Room room(String id, String name) {
        return new Room(id, name, "Floor 1", 8, Set.of(Equipment.WHITEBOARD), ZoneId.of("Europe/Berlin"));
    }
}
