package dev.reservation.core.store;

/** Fresh, empty stores handed to one contract test. */
public record StoreFixture(UserStore users, RoomStore rooms, ReservationStore reservations) {
}
