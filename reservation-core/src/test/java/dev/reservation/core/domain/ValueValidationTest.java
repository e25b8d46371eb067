package dev.reservation.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueValidationTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void normalizesEmailToLowerCaseAndTrims() {
        assertThat(new User("u1", " Ada ", " Ada@Example.COM ", Role.ADMIN).email()).isEqualTo("ada@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "a da@example.com", "ada@@example.com", ""})
    void rejectsEmailsWithoutTheShapeOfAnAddress(String email) {
        assertThatThrownBy(() -> new User("u1", "Ada", email, Role.MEMBER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void requiresARole() {
        assertThatThrownBy(() -> new User("u1", "Ada", "ada@example.com", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001})
    void rejectsCapacityOutsideOneToTenThousand(int capacity) {
        assertThatThrownBy(() -> new Room("r1", "Spree", "HQ", capacity, Set.of(), BERLIN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("capacity"));
    }

    @Test
    void roomEquipmentIsAnImmutableCopy() {
        var equipment = new java.util.HashSet<>(Set.of(Equipment.PROJECTOR));
        Room room = new Room("r1", "Spree", "HQ", 4, equipment, BERLIN);
        equipment.add(Equipment.WHITEBOARD);
        assertThat(room.equipment()).containsExactly(Equipment.PROJECTOR);
        assertThat(room.has(Set.of(Equipment.PROJECTOR))).isTrue();
        assertThat(room.has(Set.of(Equipment.PROJECTOR, Equipment.WHITEBOARD))).isFalse();
    }

    @Test
    void parsesZonesAndEquipmentWithHelpfulErrors() {
        assertThat(Room.parseZone("Europe/London")).isEqualTo(ZoneId.of("Europe/London"));
        assertThatThrownBy(() -> Room.parseZone("Mars/Olympus")).hasMessageContaining("not a time zone");
        assertThat(Equipment.parse("video-conferencing")).isEqualTo(Equipment.VIDEO_CONFERENCING);
        assertThat(Equipment.parse(" Projector ")).isEqualTo(Equipment.PROJECTOR);
        assertThatThrownBy(() -> Equipment.parse("hologram")).hasMessageContaining("known: projector");
    }

    @Test
    void reservationRequiresATitleAndAtLeastOneAttendee() {
        TimeSlot slot = TimeSlot.of(Instant.parse("2030-01-01T10:00:00Z"), Duration.ofHours(1));
        Instant now = Instant.parse("2029-12-01T10:00:00Z");
        assertThatThrownBy(() -> Reservation.confirmed("id", "r", "u", slot, " ", 1, now, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("title"));
        assertThatThrownBy(() -> Reservation.confirmed("id", "r", "u", slot, "x".repeat(201), 1, now, null))
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> Reservation.confirmed("id", "r", "u", slot, "Sync", 0, now, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("attendees"));
    }

    @Test
    void cancellingBumpsTheVersionAndKeepsEverythingElse() {
        TimeSlot slot = TimeSlot.of(Instant.parse("2030-01-01T10:00:00Z"), Duration.ofHours(1));
        Instant now = Instant.parse("2029-12-01T10:00:00Z");
        Reservation r = Reservation.confirmed("id", "r", "u", slot, "Sync", 2, now, "k");
        Reservation c = r.cancelled(now.plusSeconds(5), "admin");
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.isConfirmed()).isFalse();
        assertThat(c.sameRequestAs(r)).isTrue();
        assertThat(c.conflictsWith("r", slot)).isFalse();
        assertThat(r.conflictsWith("r", slot)).isTrue();
        assertThat(r.conflictsWith("other", slot)).isFalse();
    }
}
