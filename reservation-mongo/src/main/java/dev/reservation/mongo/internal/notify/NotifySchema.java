package dev.reservation.mongo.internal.notify;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.reservation.mongo.internal.MongoFailures;
import dev.reservation.mongo.internal.Schema;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The collections of calendars and notifications, created idempotently at start-up beside
 * {@link Schema} (kept apart so the booking schema and this one change independently; every
 * addition here is a new collection or an index, readable by older programs):
 *
 * <pre>
 * outbox             {_id: "consumer:reservationId:version", consumer, reservationId, version, kind,
 *                     userId, createdAt, notBefore, attempts, lastError?, lastAttemptAt?, leaseToken?,
 *                     leaseUntil?, done, doneAt?, outcome?, expireAt?}
 *                                            consumer_due(consumer, done, notBefore, createdAt): lease,
 *                                            consumer_order(consumer, done, createdAt, _id): leaseHead (a
 *                                              consumer's oldest pending entry),
 *                                            consumer_createdAt(consumer, createdAt, _id): recent (newest
 *                                              first), purge,
 *                                            TTL expireAt_ttl (done entries are kept 30 days, then go)
 * outbox_cursors     {_id: name, at}         the sweeper's position
 * feed_tokens        {_id: "userId|feed", userId, feed, digest, createdAt}
 *                                            unique digest_unique(digest), userId
 * notification_prefs {_id: userId, email}
 * webhooks           {_id: subscription id, ownerId, url, events: [KIND names], roomIds: [ids], scope, secret,
 *                     createdAt, enabled, disabledReason?, failingSince?, version}
 *                                            none besides _id (tens per deployment, all() reads them whole);
 *                                            deliveries are outbox entries of consumer "wh:" + _id
 * reservations       + createdAt, + cancelledAt (sparse): the sweeper's window of recent changes
 * </pre>
 * Stateless; thread-safe.
 */
public final class NotifySchema {
    public static final String OUTBOX = "outbox";
    public static final String CURSORS = "outbox_cursors";
    public static final String FEED_TOKENS = "feed_tokens";
    public static final String PREFS = "notification_prefs";
    public static final String WEBHOOKS = "webhooks";

    private NotifySchema() {
    }

    public static void ensure(MongoDatabase db) {
        MongoFailures.write("preparing the notification collections", () -> {
            // one createIndexes command per collection: each is a majority write at start-up
            db.getCollection(OUTBOX).createIndexes(List.of(
                    new IndexModel(Indexes.ascending("consumer", "done", "notBefore", "createdAt"),
                            new IndexOptions().name("consumer_due")),
                    new IndexModel(Indexes.ascending("consumer", "done", "createdAt", "_id"),
                            new IndexOptions().name("consumer_order")),
                    new IndexModel(Indexes.ascending("consumer", "createdAt", "_id"),
                            new IndexOptions().name("consumer_createdAt")),
                    new IndexModel(Indexes.ascending("expireAt"),
                            new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expireAt_ttl"))));
            db.getCollection(FEED_TOKENS).createIndexes(List.of(
                    new IndexModel(Indexes.ascending("digest"), new IndexOptions().unique(true).name("digest_unique")),
                    new IndexModel(Indexes.ascending("userId"), new IndexOptions().name("userId"))));
            db.getCollection(Schema.RESERVATIONS).createIndexes(List.of(
                    new IndexModel(Indexes.ascending("createdAt"), new IndexOptions().name("createdAt")),
                    new IndexModel(Indexes.ascending("cancelledAt"),
                            new IndexOptions().sparse(true).name("cancelledAt_sparse"))));
            return null;
        });
    }
}
