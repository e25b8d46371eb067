package dev.reservation.core.service;

import static dev.reservation.core.service.ServiceFixture.NOW;
import static dev.reservation.core.service.ServiceFixture.as;
import static dev.reservation.core.service.ServiceFixture.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomSearchServiceTest {
    private final ServiceFixture f = new ServiceFixture();

    @Test
    void findsFreeRoomsSmallestFittingFirst() {
        assertThat(f.search.freeRooms(new FreeRoomQuery(tomorrow(9, 0, 60), 2, Set.of())))
                .extracting(Room::id).containsExactly("small", "medium", "large");
    }

    @Test
    void leavesOutRoomsThatAreBusyForAnyPartOfTheSlot() {
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 45, 30)));
        assertThat(f.search.freeRooms(new FreeRoomQuery(tomorrow(9, 0, 60), 1, Set.of())))
                .extracting(Room::id).containsExactly("medium", "large");
        assertThat(f.search.freeRooms(new FreeRoomQuery(tomorrow(10, 15, 60), 1, Set.of())))
                .extracting(Room::id).containsExactly("small", "medium", "large");
    }

    @Test
    void requiresSeatsAndEveryPieceOfEquipment() {
        assertThat(f.search.freeRooms(new FreeRoomQuery(tomorrow(9, 0, 60), 5, Set.of())))
                .extracting(Room::id).containsExactly("medium", "large");
        assertThat(f.search.freeRooms(new FreeRoomQuery(tomorrow(9, 0, 60), 1, Set.of(Equipment.PROJECTOR))))
                .extracting(Room::id).containsExactly("medium", "large");
        assertThat(f.search.freeRooms(new FreeRoomQuery(tomorrow(9, 0, 60), 1,
                Set.of(Equipment.PROJECTOR, Equipment.WHITEBOARD)))).extracting(Room::id).containsExactly("medium");
        assertThat(f.search.freeRooms(new FreeRoomQuery(tomorrow(9, 0, 60), 21, Set.of()))).isEmpty();
    }

    @Test
    void nextFreeSlotSkipsPastEveryBookingInTheWay() {
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(10, 0, 20)));
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(10, 50, 60)));
        // the 30-minute gap 10:20-10:50 fits a 30-minute meeting, not a 45-minute one
        assertThat(f.search.nextFreeSlot("small", tomorrow(9, 0, 1).start(), Duration.ofMinutes(30)))
                .contains(tomorrow(10, 20, 30));
        assertThat(f.search.nextFreeSlot("small", tomorrow(9, 0, 1).start(), Duration.ofMinutes(45)))
                .contains(tomorrow(11, 50, 45));
    }

    @Test
    void nextFreeSlotLooksBeyondTheFirstWeek() {
        for (int day = 0; day < 10; day++) {
            Room room = f.small;
            var start = NOW.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(30));
            f.service.reserve(as(f.grace), f.request(room, f.grace, TimeSlot.of(start, Duration.ofHours(12))));
            f.service.reserve(as(f.grace), f.request(room, f.grace, TimeSlot.of(start.plus(Duration.ofHours(12)), Duration.ofHours(12))));
        }
        var from = NOW.plus(Duration.ofMinutes(30));
        assertThat(f.search.nextFreeSlot("small", from, Duration.ofHours(1)))
                .contains(TimeSlot.of(from.plus(Duration.ofDays(10)), Duration.ofHours(1)));
    }

    @Test
    void availabilityAtAnInstantWithNanosecondsStillSaysFree() {
        assertThat(f.search.availability(f.small, NOW.plusNanos(123_456)).freeNow()).isTrue();
    }

    @Test
    void availabilitySaysFreeNowOrWhenItNextIs() {
        assertThat(f.search.availability(f.small, NOW).freeNow()).isTrue();
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, TimeSlot.of(NOW, Duration.ofMinutes(45))));
        RoomAvailability busy = f.search.availability(f.small, NOW);
        assertThat(busy.freeNow()).isFalse();
        assertThat(busy.nextFreeAt()).contains(NOW.plus(Duration.ofMinutes(45)));
    }
}
