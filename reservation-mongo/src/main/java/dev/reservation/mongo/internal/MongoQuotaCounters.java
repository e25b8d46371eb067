package dev.reservation.mongo.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.ops.QuotaCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Quota counters in {@code quota_counters}: {@code {_id, used, periodEnd?, holds[{rid, amount, end, at, roomId}]}}
 * A take is ONE conditional update, {@code {_id, used <= limit - amount, holds.rid != rid}} →
 * {@code $inc used, $push hold} (upserting a new counter), so a limit holds across every instance: the
 * server applies updates of one document one after the other, each to the state of the ones before.
 * A give-back is one conditional update too ({@code holds.rid == rid} → {@code $inc used -amount, $pull}),
 * so giving back twice gives back once. Every write goes through {@code bulkWrite} (majority write
 * concern) so a write-concern error is never dropped: it is outcome unknown
 * ({@link WriteOutcomeUnknownException}), and a bare duplicate key (the upsert of a counter whose filter
 * did not match) proves the counter it collided with is committed; the majority read that follows then
 * decides: our hold there (a retry), room left (a race between two first takes: try again), or full.
 * Thread-safe.
 */
public final class MongoQuotaCounters implements QuotaCounters {
    private static final int ROUNDS = 10;
    private final MongoCollection<Document> counters;

    public MongoQuotaCounters(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    @Override
    public Take take(String counterId, Hold hold, long limit, Instant periodEnd) {
        return MongoFailures.write("taking quota " + counterId, () -> {
            for (int round = 0; round < ROUNDS; round++) {
                Bson filter = Filters.and(Filters.eq(Documents.ID, counterId), Filters.lte("used", limit - hold.amount()),
                        Filters.ne("holds.rid", hold.rid()));
                List<Bson> update = new ArrayList<>(List.of(Updates.inc("used", hold.amount()), Updates.push("holds",
                        new Document("rid", hold.rid()).append("amount", hold.amount())
                                .append("end", Documents.date(hold.end())).append("at", Documents.date(hold.at()))
                                .append("roomId", hold.roomId()))));
                if (periodEnd != null) {
                    update.add(Updates.set("periodEnd", Documents.date(periodEnd)));
                }
                try {
                    counters.bulkWrite(List.of(new UpdateOneModel<Document>(filter, Updates.combine(update),
                            new UpdateOptions().upsert(true))));
                    return Take.ok();
                } catch (MongoBulkWriteException e) {
                    if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                            .anyMatch(w -> w.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                        throw e;
                    }
                }
                Document current = counters.find(Filters.eq(Documents.ID, counterId)).first();
                if (current == null) {
                    throw new WriteOutcomeUnknownException("quota counter " + counterId + " was refused as existing, yet "
                            + "cannot be read", null, hold.rid(), null);
                }
                List<Hold> holds = holds(current);
                if (holds.stream().anyMatch(h -> h.rid().equals(hold.rid()))) {
                    return Take.ok(); // an earlier take of ours landed
                }
                long used = ((Number) current.get("used")).longValue();
                if (used + hold.amount() > limit) {
                    return new Take(false, used, holds);
                }
                // there was room: it changed between our update and our read; take again
            }
            throw new WriteOutcomeUnknownException("quota counter " + counterId + " changed too often to take", null,
                    hold.rid(), null);
        });
    }

    @Override
    public void giveBack(String counterId, String rid) {
        MongoFailures.write("giving back quota " + counterId, () -> {
            Document current = counters.find(Filters.eq(Documents.ID, counterId)).first();
            if (current == null) {
                return null;
            }
            for (Hold h : holds(current)) {
                if (h.rid().equals(rid)) {
                    counters.bulkWrite(List.of(new UpdateOneModel<Document>(
                            Filters.and(Filters.eq(Documents.ID, counterId), Filters.eq("holds.rid", rid)),
                            Updates.combine(Updates.inc("used", -h.amount()), Updates.pull("holds",
                                    new Document("rid", rid))))));
                }
            }
            return null;
        });
    }

    @Override
    public List<Hold> holds(String counterId) {
        return MongoFailures.read("reading quota " + counterId,
                () -> holds(counters.find(Filters.eq(Documents.ID, counterId)).first()));
    }

    @Override
    public List<String> withHoldsBefore(Instant takenBefore, Instant now, int limit) {
        Bson filter = Filters.and(Filters.lt("holds.at", Documents.date(takenBefore)),
                Filters.or(Filters.exists("periodEnd", false), Filters.gt("periodEnd", Documents.date(now))));
        return MongoFailures.read("listing quota counters to settle", () -> counters.find(filter)
                .projection(Projections.include(Documents.ID)).limit(limit).map(d -> d.getString(Documents.ID))
                .into(new ArrayList<>()));
    }

    private static List<Hold> holds(Document counter) {
        if (counter == null) {
            return List.of();
        }
        List<Hold> out = new ArrayList<>();
        for (Document h : counter.getList("holds", Document.class, List.of())) {
            out.add(new Hold(h.getString("rid"), ((Number) h.get("amount")).longValue(), h.getDate("end").toInstant(),
                    h.getDate("at").toInstant(), h.getString("roomId")));
        }
        return out;
    }
}
