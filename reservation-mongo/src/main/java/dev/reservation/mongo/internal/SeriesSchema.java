package dev.reservation.mongo.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;

/**
 * The collection of recurring reservations, created idempotently beside {@link Schema} (a new
 * collection only: the occurrences are ordinary reservation documents, so nothing else changes shape
 * and the schema version stays).
 *
 * <pre>
 * series   {_id, roomId, userId, createdBy, title, attendees, firstDay "yyyy-mm-dd", startTime "HH:mm",
 *           durationMinutes, zone, rule, exdates["yyyy-mm-dd"], mode, state, commitAs,
 *           materialisedThrough?, endsBefore?, skipped[{day, note}], moved[{day, rid}], createdAt,
 *           updatedAt, cancelledAt?, cancelledBy?, version, idempotencyKey?, idempotencyScope?}
 *                                       unique sparse idempotencyScope_unique, state_updatedAt(state, updatedAt)
 * reservations  gain the status HELD (an occurrence of an all-or-nothing series still being booked)
 * </pre>
 */
public final class SeriesSchema {
    public static final String SERIES = "series";

    private SeriesSchema() {
    }

    public static void ensure(MongoDatabase db) {
        MongoFailures.write("preparing the series collection", () -> {
            // one createIndexes command: the sweeper and the extension job read by state, oldest change first
            db.getCollection(SERIES).createIndexes(List.of(
                    new IndexModel(Indexes.ascending("idempotencyScope"),
                            new IndexOptions().name("idempotencyScope_unique").unique(true).sparse(true)),
                    new IndexModel(Indexes.ascending("state", "updatedAt"), new IndexOptions().name("state_updatedAt"))));
            return null;
        });
    }
}
