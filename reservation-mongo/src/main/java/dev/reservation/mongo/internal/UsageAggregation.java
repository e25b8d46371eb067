package dev.reservation.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.store.UsageData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The usage report's aggregates computed by MongoDB ({@code aggregate}), so that only per-room sums
 * travel to the app. Two pipelines, each {@code $match} on the period (the {@code start_id} index
 * serves {@code start < to}) then only expressions that both MongoDB and the embedded
 * mongo-java-server (memory and H2 backends) evaluate: {@code $toLong} of dates, {@code $max}/{@code
 * $min}/{@code $subtract} on numbers, {@code $group} with {@code $sum}, and for the hour cells
 * {@code $range} over whole hours plus {@code $unwind}. The period's bounds are clipped to in
 * milliseconds since the epoch, so no date arithmetic nor time-zone expression is needed (time zones
 * are applied in the app, to the hour cells). Stateless.
 */
final class UsageAggregation {
    private static final long HOUR = 3_600_000L;

    private UsageAggregation() {
    }

    static UsageData run(MongoCollection<Document> reservations, Instant from, Instant to) {
        Bson match = Filters.and(Filters.in("status", Documents.VISIBLE_STATUSES),
                Filters.lt("start", Documents.date(to)), Filters.gt("end", Documents.date(from)));
        Document clip = new Document("roomId", 1).append("status", 1)
                .append("s", new Document("$max", List.of(new Document("$toLong", "$start"), from.toEpochMilli())))
                .append("e", new Document("$min", List.of(new Document("$toLong", "$end"), to.toEpochMilli())));
        List<Document> totalsPipeline = List.of(new Document("$match", match), new Document("$project", clip),
                new Document("$group", new Document("_id", new Document("roomId", "$roomId").append("status", "$status"))
                        .append("count", new Document("$sum", 1))
                        .append("ms", new Document("$sum", new Document("$subtract", List.of("$e", "$s"))))));
        List<UsageData.Totals> totals = new ArrayList<>();
        for (Document d : reservations.aggregate(totalsPipeline)) {
            Document key = d.get("_id", Document.class);
            totals.add(new UsageData.Totals(key.getString("roomId"), ReservationStatus.valueOf(key.getString("status")),
                    ((Number) d.get("count")).longValue(), ((Number) d.get("ms")).longValue()));
        }
        // hour cells of CONFIRMED time: each reservation expands to the hours it touches (h), and each
        // cell sums min(e, (h+1)H) - max(s, hH)
        Bson confirmed = Filters.and(Filters.eq("status", ReservationStatus.CONFIRMED.name()),
                Filters.lt("start", Documents.date(to)), Filters.gt("end", Documents.date(from)));
        Document hours = new Document("roomId", 1).append("s", 1).append("e", 1).append("h", new Document("$range",
                List.of(new Document("$toInt", new Document("$floor", new Document("$divide", List.of("$s", HOUR)))),
                        new Document("$toInt", new Document("$ceil", new Document("$divide", List.of("$e", HOUR)))))));
        Document part = new Document("roomId", 1).append("h", 1).append("ms", new Document("$subtract", List.of(
                new Document("$min", List.of("$e", new Document("$multiply", List.of(new Document("$add",
                        List.of("$h", 1)), HOUR)))),
                new Document("$max", List.of("$s", new Document("$multiply", List.of("$h", HOUR)))))));
        List<Document> hoursPipeline = List.of(new Document("$match", confirmed), new Document("$project", clip),
                new Document("$project", hours), new Document("$unwind", "$h"), new Document("$project", part),
                new Document("$group", new Document("_id", new Document("roomId", "$roomId").append("h", "$h"))
                        .append("ms", new Document("$sum", "$ms"))));
        List<UsageData.Hour> cells = new ArrayList<>();
        for (Document d : reservations.aggregate(hoursPipeline)) {
            Document key = d.get("_id", Document.class);
            long ms = ((Number) d.get("ms")).longValue();
            if (ms > 0) {
                cells.add(new UsageData.Hour(key.getString("roomId"), ((Number) key.get("h")).longValue(), ms));
            }
        }
        return new UsageData(totals, cells).sorted();
    }
}
