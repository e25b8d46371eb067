package dev.reservation.mongo.internal.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.mongo.internal.Documents;
import dev.reservation.mongo.internal.MongoFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Recent changes from {@code reservations}: booked or cancelled in a window, answered from the
 * {@code createdAt} and {@code cancelledAt} indexes ({@link NotifySchema}); tombstones of abandoned
 * bookings are left out. Reads at majority (the store's read concern): what it returns is committed.
 * Thread-safe.
 */
public final class MongoReservationChanges implements ReservationChanges {
    private final MongoCollection<Document> reservations;

    public MongoReservationChanges(MongoCollection<Document> reservations) {
        this.reservations = reservations;
    }

    @Override
    public List<Reservation> changedBetween(Instant from, Instant to, int limit) {
        Bson window = Filters.or(
                Filters.and(Filters.gte("createdAt", Dates.date(from)), Filters.lt("createdAt", Dates.date(to))),
                Filters.and(Filters.gte("cancelledAt", Dates.date(from)), Filters.lt("cancelledAt", Dates.date(to))));
        Bson filter = Filters.and(Filters.in("status", ReservationStatus.CONFIRMED.name(),
                ReservationStatus.CANCELLED.name()), window);
        return MongoFailures.read("reading recent reservation changes", () -> reservations.find(filter).limit(limit)
                .map(Documents::reservation).into(new ArrayList<>()));
    }
}
