package dev.reservation.core.store;

import dev.reservation.core.series.SeriesStore;

/** The ports series use, as one app instance sees them; two instances share the data. */
public record SeriesStores(UserStore users, RoomStore rooms, ReservationStore reservations, SeriesStore series) {
}
