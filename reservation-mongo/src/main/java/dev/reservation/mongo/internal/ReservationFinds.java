package dev.reservation.mongo.internal;

import com.mongodb.client.model.Filters;
import dev.reservation.core.store.ReservationQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * How {@link MongoReservationStore#find} asks for a {@link ReservationQuery}: filters an index can
 * serve whatever else is stored (see {@link Schema}), each sorted by {@code start, _id} and capped.
 *
 * <ul>
 *   <li>A window touching at most {@link #MAX_DAYS} UTC days (schedules, suggestions, the
 *       free-room finder, a user's weeks): one find that also requires one of the window's days in
 *       the reservation's {@code days} (indexes {@code roomId_days}, {@code userId_days},
 *       {@code days_start}). A reservation overlapping the window touches one of those days.</li>
 *   <li>A longer window, or one open at the end: the reservations that started before the window
 *       and reach into it, found by the window's first day (they all touch it), then those that
 *       start inside it by a range on {@code start} ({@code room_start}, {@code user_start},
 *       {@code start_id}) with the remaining limit. The first part sorts wholly before the second.</li>
 *   <li>No start to the window: a range on {@code start} only (an ordered index walk), from
 *       {@link #EARLIEST} when the window has no start either, so the walk skips the ABANDONED
 *       tombstones (no {@code start}) that would otherwise be read first on every list page.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class ReservationFinds {
    /** Windows touching up to this many UTC days are looked up by day (a 31-day schedule in any zone touches 33). */
    static final int MAX_DAYS = 62;
    /** Before every start: a range from it holds every reservation and no tombstone (which has no start). */
    static final Date EARLIEST = new Date(Long.MIN_VALUE);

    private ReservationFinds() {
    }

    /**
     * The finds whose results, concatenated in this order and cut to the query's limit, answer it.
     * A query's keyset position ({@link ReservationQuery#after()}) is added to each as a range on
     * {@code start} (which bounds the index walk) and the tie-break on {@code _id}: page 100 reads as
     * many documents as page 1.
     */
    static List<Bson> filters(ReservationQuery query) {
        List<Bson> plain = plainFilters(query);
        if (query.after().isEmpty()) {
            return plain;
        }
        ReservationQuery.After after = query.after().get();
        Date start = Documents.date(after.start());
        Bson keyset = Filters.and(Filters.gte("start", start), Filters.or(Filters.gt("start", start),
                Filters.and(Filters.eq("start", start), Filters.gt(Documents.ID, after.id()))));
        return plain.stream().map(f -> Filters.and(f, keyset)).toList();
    }

    private static List<Bson> plainFilters(ReservationQuery query) {
        List<Bson> base = new ArrayList<>();
        base.add(query.status().map(s -> Filters.eq("status", s.name()))
                .orElse(Filters.in("status", query.holding() ? Documents.HOLDING_STATUSES : Documents.VISIBLE_STATUSES)));
        query.roomId().ifPresent(r -> base.add(Filters.eq("roomId", r)));
        query.userId().ifPresent(u -> base.add(Filters.eq("userId", u)));
        Instant from = query.from().orElse(null);
        Instant to = query.to().orElse(null);
        if (from == null) {
            // a lower bound even without one: tombstones have no start and sort first in start's
            // indexes; a range on dates skips them instead of reading each on every such page
            base.add(Filters.gte("start", EARLIEST));
            if (to != null) {
                base.add(Filters.lt("start", Documents.date(to)));
            }
            return List.of(Filters.and(base));
        }
        if (to != null && Documents.dayCount(from, to) <= MAX_DAYS) {
            List<Bson> one = new ArrayList<>(base);
            one.add(Filters.in(Documents.DAYS, Documents.days(from, to)));
            one.add(Filters.gt("end", Documents.date(from)));
            one.add(Filters.lt("start", Documents.date(to)));
            return List.of(Filters.and(one));
        }
        List<Bson> before = new ArrayList<>(base);
        before.add(Filters.eq(Documents.DAYS, Documents.days(from, from.plusMillis(1)).get(0)));
        before.add(Filters.lt("start", Documents.date(from)));
        before.add(Filters.gt("end", Documents.date(from)));
        List<Bson> inside = new ArrayList<>(base);
        inside.add(Filters.gte("start", Documents.date(from)));
        if (to != null) {
            inside.add(Filters.lt("start", Documents.date(to)));
        }
        return List.of(Filters.and(before), Filters.and(inside));
    }
}
