package dev.reservation.mongo.internal.notify;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxStats;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.mongo.internal.MongoFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The outbox in {@code outbox} (see {@link NotifySchema}), written with the store's majority
 * concern. Enqueue is an insert on the derived {@code _id} (a duplicate key means "there already");
 * a lease is one conditional {@code findOneAndUpdate} per entry whose filter matches only a pending,
 * due entry whose {@code leaseUntil} is absent or past, so two instances never hold one entry at
 * once; done, failed and release are updates conditional on the lease token. A lease write whose
 * outcome is unknown leaves at worst a lease nobody knows the token of: it lapses and is taken over.
 * Thread-safe.
 */
public final class MongoOutboxStore implements OutboxStore {
    /** How long a done entry is kept (it answers "already enqueued" to the sweeper meanwhile). */
    static final Duration KEEP_DONE = Duration.ofDays(30);
    /**
     * What the head lookup and the stats need of a document. Reads that only decide something fetch
     * only those fields: less on the wire, and a projected reply is a copy, where mongo-java-server (the
     * test servers, the rig's members) would otherwise encode the stored document itself while a
     * concurrent update of another connection changes it.
     */
    private static final Bson HEAD_FIELDS = Projections.include("_id", "notBefore", "leaseUntil");
    private static final Bson OLDEST_FIELDS = Projections.include("_id", "createdAt");
    private static final Bson ERROR_FIELDS = Projections.include("_id", "lastAttemptAt", "attempts", "lastError");

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> cursors;

    public MongoOutboxStore(MongoCollection<Document> outbox, MongoCollection<Document> cursors) {
        this.outbox = outbox;
        this.cursors = cursors;
    }

    @Override
    public boolean enqueue(OutboxEntry.New entry) {
        OutboxEntry e = entry.pending();
        Document doc = new Document("_id", e.id()).append("consumer", e.consumer())
                .append("reservationId", e.reservationId()).append("version", e.version())
                .append("kind", e.kind().name()).append("userId", e.userId())
                .append("createdAt", Dates.date(e.createdAt())).append("notBefore", Dates.date(e.notBefore()))
                .append("attempts", 0).append("done", false);
        return MongoFailures.write("recording notification " + e.id(), () -> {
            try {
                outbox.insertOne(doc);
                return true;
            } catch (MongoException ex) {
                if (MongoFailures.isDuplicateKey(ex)) {
                    return false;
                }
                throw ex;
            }
        });
    }

    @Override
    public List<OutboxEntry> lease(String consumer, Instant now, Duration leaseFor, int max) {
        Bson filter = Filters.and(Filters.eq("consumer", consumer), Filters.eq("done", false),
                Filters.lte("notBefore", Dates.date(now)),
                Filters.or(Filters.eq("leaseUntil", null), Filters.lte("leaseUntil", Dates.date(now))));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(Sorts.ascending("createdAt", "_id"))
                .returnDocument(ReturnDocument.AFTER);
        List<OutboxEntry> leased = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Bson update = Updates.combine(Updates.set("leaseToken", UUID.randomUUID().toString()),
                    Updates.set("leaseUntil", Dates.date(now.plus(leaseFor))));
            Document got = MongoFailures.write("leasing notifications",
                    () -> outbox.findOneAndUpdate(filter, update, options));
            if (got == null) {
                break;
            }
            leased.add(entry(got));
        }
        return leased;
    }

    /**
     * The head is the consumer's oldest pending entry (index {@code consumer_order}); it is leased by
     * one conditional update on its {@code _id} that still requires it pending, due and unleased, so
     * two instances never both hold it. When the head is not due, is leased, or changed under us,
     * nothing is leased: the entries behind it wait (never a move on to the next one).
     */
    @Override
    public Optional<OutboxEntry> leaseHead(String consumer, Instant now, Duration leaseFor) {
        Document head = MongoFailures.read("reading the head of the outbox of " + consumer, () -> outbox.find(
                        Filters.and(Filters.eq("consumer", consumer), Filters.eq("done", false)))
                .sort(Sorts.ascending("createdAt", "_id")).projection(HEAD_FIELDS).limit(1).first());
        if (head == null) {
            return Optional.empty();
        }
        Instant notBefore = Dates.instant(head, "notBefore");
        Instant leaseUntil = Dates.instant(head, "leaseUntil");
        if (notBefore != null && notBefore.isAfter(now) || leaseUntil != null && leaseUntil.isAfter(now)) {
            return Optional.empty(); // not due, or leased: the head holds back the rest
        }
        String id = head.getString("_id");
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("done", false),
                Filters.lte("notBefore", Dates.date(now)),
                Filters.or(Filters.eq("leaseUntil", null), Filters.lte("leaseUntil", Dates.date(now))));
        Bson update = Updates.combine(Updates.set("leaseToken", UUID.randomUUID().toString()),
                Updates.set("leaseUntil", Dates.date(now.plus(leaseFor))));
        Document got = MongoFailures.write("leasing notification " + id, () -> outbox.findOneAndUpdate(filter,
                update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return Optional.ofNullable(got).map(MongoOutboxStore::entry);
    }

    /** Newest first by {@code createdAt}, then {@code _id} (index {@code consumer_createdAt}). */
    @Override
    public List<OutboxEntry> recent(String consumer, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return MongoFailures.read("reading the delivery log of " + consumer, () -> outbox.find(
                        Filters.eq("consumer", consumer)).sort(Sorts.descending("createdAt", "_id")).limit(limit)
                .map(MongoOutboxStore::entry).into(new ArrayList<>()));
    }

    @Override
    public long purge(String consumer) {
        return MongoFailures.write("removing the outbox entries of " + consumer,
                () -> outbox.deleteMany(Filters.eq("consumer", consumer)).getDeletedCount());
    }

    private static Bson held(String id, String leaseToken) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("leaseToken", leaseToken), Filters.eq("done", false));
    }

    @Override
    public boolean markDone(String id, String leaseToken, Instant at, String outcome) {
        Bson update = Updates.combine(Updates.set("done", true), Updates.set("doneAt", Dates.date(at)),
                Updates.set("outcome", outcome), Updates.set("expireAt", Dates.date(at.plus(KEEP_DONE))),
                Updates.unset("leaseToken"), Updates.unset("leaseUntil"));
        return MongoFailures.write("marking notification " + id + " done",
                () -> outbox.updateOne(held(id, leaseToken), update).getModifiedCount() == 1);
    }

    @Override
    public boolean markFailed(String id, String leaseToken, Instant at, String error, Instant retryAt) {
        Bson update = Updates.combine(Updates.inc("attempts", 1), Updates.set("lastError", OutboxEntry.trimError(error)),
                Updates.set("lastAttemptAt", Dates.date(at)), Updates.set("notBefore", Dates.date(retryAt)),
                Updates.unset("leaseToken"), Updates.unset("leaseUntil"));
        return MongoFailures.write("recording a failed notification " + id,
                () -> outbox.updateOne(held(id, leaseToken), update).getModifiedCount() == 1);
    }

    @Override
    public boolean release(String id, String leaseToken) {
        Bson update = Updates.combine(Updates.unset("leaseToken"), Updates.unset("leaseUntil"));
        return MongoFailures.write("releasing notification " + id,
                () -> outbox.updateOne(held(id, leaseToken), update).getModifiedCount() == 1);
    }

    @Override
    public Optional<OutboxEntry> find(String id) {
        return MongoFailures.read("reading notification " + id,
                () -> Optional.ofNullable(outbox.find(Filters.eq("_id", id)).first()).map(MongoOutboxStore::entry));
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return MongoFailures.read("checking notifications", () -> {
            Set<String> found = new HashSet<>();
            outbox.find(Filters.in("_id", ids)).projection(new Document("_id", 1))
                    .forEach(d -> found.add(d.getString("_id")));
            return found;
        });
    }

    @Override
    public OutboxStats stats(String consumer, Instant now) {
        return MongoFailures.read("reading the outbox", () -> {
            Bson pending = Filters.and(Filters.eq("consumer", consumer), Filters.eq("done", false));
            long depth = outbox.countDocuments(pending);
            long leased = outbox.countDocuments(Filters.and(pending, Filters.gt("leaseUntil", Dates.date(now))));
            Optional<Instant> oldest = Optional.ofNullable(outbox.find(pending).sort(Sorts.ascending("createdAt"))
                    .projection(OLDEST_FIELDS).limit(1).first()).map(d -> Dates.instant(d, "createdAt"));
            Optional<OutboxStats.LastError> last = Optional.ofNullable(outbox.find(Filters.and(pending,
                    Filters.exists("lastError"))).sort(Sorts.descending("lastAttemptAt")).projection(ERROR_FIELDS)
                    .limit(1).first())
                    .map(d -> new OutboxStats.LastError(d.getString("_id"), Dates.instant(d, "lastAttemptAt"),
                            d.getInteger("attempts", 0), d.getString("lastError")));
            return new OutboxStats(consumer, depth, leased, oldest, last);
        });
    }

    @Override
    public Optional<Instant> cursor(String name) {
        return MongoFailures.read("reading the outbox cursor " + name, () -> Optional.ofNullable(
                cursors.find(Filters.eq("_id", name)).first()).map(d -> Dates.instant(d, "at")));
    }

    @Override
    public void advanceCursor(String name, Instant at) {
        MongoFailures.write("moving the outbox cursor " + name, () -> {
            try {
                cursors.updateOne(Filters.and(Filters.eq("_id", name), Filters.or(Filters.exists("at", false),
                        Filters.lt("at", Dates.date(at)))), Updates.set("at", Dates.date(at)), new UpdateOptions().upsert(true));
            } catch (MongoException e) {
                if (!MongoFailures.isDuplicateKey(e)) { // the cursor is there and not behind: nothing to do
                    throw e;
                }
            }
            return null;
        });
    }

    static OutboxEntry entry(Document d) {
        return new OutboxEntry(d.getString("_id"), d.getString("consumer"), d.getString("reservationId"),
                ((Number) d.get("version")).longValue(), ChangeKind.valueOf(d.getString("kind")), d.getString("userId"),
                Dates.instant(d, "createdAt"), Dates.instant(d, "notBefore"), d.getInteger("attempts", 0),
                d.getString("lastError"), Dates.instant(d, "lastAttemptAt"), d.getString("leaseToken"),
                Dates.instant(d, "leaseUntil"), Dates.instant(d, "doneAt"), d.getString("outcome"));
    }
}
