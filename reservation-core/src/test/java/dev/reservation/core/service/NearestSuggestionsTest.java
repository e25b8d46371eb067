package dev.reservation.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.Suggestions;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a clash in Berlin, people want another room in the same building, then the same city;
 * a room in New York at 04:30 local time is the last thing to offer.
 */
class NearestSuggestionsTest {
    static final Instant NOW = Instant.parse("2030-06-03T06:00:00Z");

    @Test
    void aClashInBerlinSuggestsBerlinRoomsBeforeLondonAndNewYork() {
        InMemoryRoomStore rooms = new InMemoryRoomStore();
        DemoData.ROOMS.forEach(rooms::insert);
        InMemoryReservationStore reservations = new InMemoryReservationStore();
        RoomSearchService search = new RoomSearchService(rooms, reservations, BookingPolicy.DEFAULT,
                Clock.fixed(NOW, ZoneOffset.UTC));
        // 10:30-11:30 in Berlin (CEST) is 04:30 in New York
        TimeSlot clash = new TimeSlot(Instant.parse("2030-06-03T08:30:00Z"), Instant.parse("2030-06-03T09:30:00Z"));
        reservations.book(Reservation.confirmed("x", "r-spree", "u-grace", clash, "Taken", 3, NOW, "u-grace", null));

        Suggestions s = search.suggestionsFor(rooms.findById("r-spree").orElseThrow(), clash, 3);

        List<String> zones = s.otherFreeRooms().stream().map(r -> r.zone().getId()).toList();
        assertThat(s.otherFreeRooms()).extracting(Room::id).first().isEqualTo("r-havel"); // same floor, smallest
        assertThat(zones).as("Berlin first: %s", s.otherFreeRooms().stream().map(Room::name).toList())
                .startsWith("Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin");
    }
}
