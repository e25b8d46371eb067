package dev.reservation.core.service;

import static dev.reservation.core.service.ServiceFixture.NOW;
import static dev.reservation.core.service.ServiceFixture.as;
import static dev.reservation.core.service.ServiceFixture.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.BeyondBookingHorizonException;
import dev.reservation.core.domain.CapacityExceededException;
import dev.reservation.core.domain.IdempotencyKeyReusedException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationNotFoundException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.SlotInPastException;
import dev.reservation.core.domain.SlotTooLongException;
import dev.reservation.core.domain.SlotTooShortException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.store.ReservationQuery;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReservationServiceTest {
    private final ServiceFixture f = new ServiceFixture();

    @Test
    void booksAFreeSlotAsConfirmedAtNow() {
        Reservation r = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(r.createdAt()).isEqualTo(NOW);
        assertThat(f.service.get(as(f.admin), r.id()).details().orElseThrow()).isEqualTo(r);
    }

    @Test
    void rejectsUnknownRoomAndUnknownUser() {
        assertThatThrownBy(() -> f.service.reserve(new Actor("grace", Role.MEMBER), new ReserveRequest("nope", "grace", tomorrow(9, 0, 60), "x", 1)))
                .isInstanceOf(RoomNotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> f.service.reserve(new Actor("nobody", Role.MEMBER), new ReserveRequest("small", "nobody", tomorrow(9, 0, 60), "x", 1)))
                .isInstanceOf(UserNotFoundException.class).hasMessageContaining("nobody");
    }

    @Test
    void rejectsSlotStartingInThePast() {
        TimeSlot past = TimeSlot.of(NOW.minusSeconds(60), Duration.ofMinutes(30));
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, past)))
                .isInstanceOf(SlotInPastException.class).hasMessageContaining("in the past");
    }

    @Test
    void acceptsSlotStartingExactlyNow() {
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, TimeSlot.of(NOW, Duration.ofMinutes(30))));
    }

    @Test
    void rejectsSlotsShorterThanTheMinimumAndLongerThanTheMaximum() {
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 4))))
                .isInstanceOf(SlotTooShortException.class).hasMessageContaining("at least 5 minutes");
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(1, 0, 12 * 60 + 1))))
                .isInstanceOf(SlotTooLongException.class).hasMessageContaining("at most 12 hours");
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 5)));
        f.service.reserve(as(f.grace), f.request(f.medium, f.grace, tomorrow(1, 0, 12 * 60)));
    }

    @Test
    void rejectsSlotsBeyondTheBookingHorizon() {
        TimeSlot far = TimeSlot.of(NOW.plus(Duration.ofDays(180)), Duration.ofMinutes(30));
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, far)))
                .isInstanceOf(BeyondBookingHorizonException.class).hasMessageContaining("180 days");
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, TimeSlot.of(NOW.plus(Duration.ofDays(179)), Duration.ofMinutes(30))));
    }

    @Test
    void rejectsMoreAttendeesThanSeats() {
        assertThatThrownBy(() -> f.service.reserve(new Actor("grace", Role.MEMBER), new ReserveRequest("small", "grace", tomorrow(9, 0, 30), "x", 5)))
                .isInstanceOf(CapacityExceededException.class).hasMessageContaining("seats 4");
        f.service.reserve(new Actor("grace", Role.MEMBER), new ReserveRequest("small", "grace", tomorrow(9, 0, 30), "x", 4));
    }

    @Test
    void rejectsOverlapNamingTheConflictAndSuggestingAlternatives() {
        Reservation first = f.service.reserve(as(f.grace), f.request(f.medium, f.grace, tomorrow(9, 0, 60)));
        assertThatThrownBy(() -> f.service.reserve(as(f.alan), f.request(f.medium, f.alan, tomorrow(9, 30, 60))))
                .isInstanceOfSatisfying(ReservationConflictException.class, e -> {
                    assertThat(e.conflicts()).extracting(c -> c.id()).containsExactly(first.id());
                    assertThat(e.conflicts().get(0).details()).as("alan may not see grace's booking").isEmpty();
                    assertThat(e.getMessage()).as("the room's zone, to the minute")
                            .isEqualTo("Medium is already booked then: " + first.id()
                                    + " at Tue 4 Jun 2030, 11:00–12:00 (Europe/Berlin)");
                    assertThat(e.suggestions().nextFreeSlotInRoom()).contains(tomorrow(10, 0, 60));
                    assertThat(e.suggestions().otherFreeRooms()).extracting(r -> r.id())
                            .containsExactly("small", "large");
                });
    }

    @Test
    void acceptsBackToBackReservations() {
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        f.service.reserve(as(f.alan), f.request(f.small, f.alan, tomorrow(10, 0, 60)));
        f.service.reserve(as(f.alan), f.request(f.small, f.alan, tomorrow(8, 0, 60)));
    }

    @Test
    void returnsTheFirstReservationForARetriedIdempotencyKey() {
        ReserveRequest request = f.request(f.small, f.grace, tomorrow(9, 0, 60)).withIdempotencyKey("k1");
        BookingReceipt first = f.service.reserveWithReceipt(as(f.grace), request);
        BookingReceipt again = f.service.reserveWithReceipt(as(f.grace), request);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.reservation()).isEqualTo(first.reservation());
    }

    @Test
    void refusesAnIdempotencyKeyReusedForAnotherRequest() {
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)).withIdempotencyKey("k1"));
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(11, 0, 60)).withIdempotencyKey("k1")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void ownerAndAdminMayCancelOthersMayNot() {
        Reservation a = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        Reservation b = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(11, 0, 60)));
        assertThatThrownBy(() -> f.service.cancel(as(f.alan), a.id())).isInstanceOf(PermissionDeniedException.class);
        assertThat(f.service.get(as(f.admin), a.id()).details().orElseThrow().isConfirmed()).isTrue();

        Reservation byOwner = f.service.cancel(as(f.grace), a.id());
        Reservation byAdmin = f.service.cancel(as(f.admin), b.id());
        assertThat(byOwner.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(byOwner.cancelledBy()).isEqualTo("grace");
        assertThat(byOwner.cancelledAt()).isEqualTo(NOW);
        assertThat(byAdmin.cancelledBy()).isEqualTo("admin");
    }

    @Test
    void cancellingTwiceChangesNothingTheSecondTime() {
        Reservation r = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        Reservation once = f.service.cancel(as(f.grace), r.id());
        Reservation twice = f.service.cancel(as(f.grace), r.id());
        assertThat(twice).isEqualTo(once);
        assertThat(twice.version()).isEqualTo(1);
    }

    @Test
    void cancelledSlotCanBeBookedAgain() {
        Reservation r = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        f.service.cancel(as(f.grace), r.id());
        f.service.reserve(as(f.alan), f.request(f.small, f.alan, tomorrow(9, 0, 60)));
    }

    @Test
    void cancellingAnUnknownReservationIsNotFound() {
        assertThatThrownBy(() -> f.service.cancel(as(f.admin), "missing")).isInstanceOf(ReservationNotFoundException.class);
    }

    @Test
    void schedulesCoverWholeDaysInTheRoomsZone() {
        // Berlin is UTC+2 in June: the local day 2030-06-04 runs from 06-03T22:00Z to 06-04T22:00Z
        Reservation lateUtc = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(21, 0, 60)));
        Reservation earlyLocal = f.service.reserve(as(f.grace), f.request(f.small, f.grace,
                TimeSlot.of(java.time.Instant.parse("2030-06-03T22:00:00Z"), Duration.ofMinutes(30))));
        Reservation nextLocalDay = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(22, 0, 30)));
        RoomSchedule day = f.service.schedule(as(f.grace), "small", LocalDate.of(2030, 6, 4), 1);
        assertThat(day.reservations()).extracting(v -> v.details().orElseThrow()).containsExactly(earlyLocal, lateUtc);
        assertThat(f.service.schedule(as(f.grace), "small", LocalDate.of(2030, 6, 4), 2).reservations())
                .extracting(ReservationView::id).containsExactly(earlyLocal.id(), lateUtc.id(), nextLocalDay.id());
    }

    @Test
    void listsReservationsOfARoomAndOfAUser() {
        Reservation a = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        Reservation b = f.service.reserve(as(f.grace), f.request(f.medium, f.grace, tomorrow(9, 0, 60)));
        Reservation c = f.service.reserve(as(f.alan), f.request(f.small, f.alan, tomorrow(12, 0, 60)));
        var from = tomorrow(0, 0, 1).start();
        var to = tomorrow(23, 0, 1).start();
        assertThat(f.service.forRoom(as(f.admin), "small", from, to)).extracting(v -> v.details().orElseThrow())
                .containsExactly(a, c);
        assertThat(f.service.forUser(as(f.admin), "grace", from, to)).extracting(ReservationView::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void aMemberSeesOthersCancelledReservationsOnlyWhenAskingForAStatusAndTheLimitStillHolds() {
        Reservation alans = f.service.reserve(as(f.alan), f.request(f.small, f.alan, tomorrow(8, 0, 60)));
        f.service.cancel(as(f.alan), alans.id());
        Reservation gracesCancelled = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        f.service.cancel(as(f.grace), gracesCancelled.id());
        Reservation confirmed1 = f.service.reserve(as(f.alan), f.request(f.small, f.alan, tomorrow(10, 0, 60)));
        Reservation confirmed2 = f.service.reserve(as(f.alan), f.request(f.small, f.alan, tomorrow(11, 0, 60)));

        assertThat(f.service.find(as(f.grace), ReservationQuery.all())).extracting(v -> v.id())
                .containsExactly(gracesCancelled.id(), confirmed1.id(), confirmed2.id());
        assertThat(f.service.find(as(f.grace), ReservationQuery.all().limit(2))).extracting(v -> v.id())
                .as("a full page of what she may see, not a page cut short by the hidden one")
                .containsExactly(gracesCancelled.id(), confirmed1.id());
        assertThat(f.service.find(as(f.grace), ReservationQuery.all().status(ReservationStatus.CANCELLED)))
                .extracting(v -> v.id()).containsExactly(alans.id(), gracesCancelled.id());
        assertThat(f.service.find(as(f.admin), ReservationQuery.all())).hasSize(4);
    }
}
