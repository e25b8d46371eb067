package dev.reservation.core.store;

import dev.reservation.core.ops.QuotaCounters;
import dev.reservation.core.ops.QuotaStore;
import dev.reservation.core.ops.RoomOperationsStore;

/** The ports room operations use, as one app instance sees them; two instances share the data. */
public record OpsStores(UserStore users, RoomStore rooms, ReservationStore reservations, RoomOperationsStore settings,
                        QuotaStore quotas, QuotaCounters counters) {
}
