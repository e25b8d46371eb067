package dev.reservation.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.reservation.core.domain.StoreUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The stored schema, created idempotently at start-up: collections, indexes and a
 * {@code schema_version} record so a later version can migrate (or refuse data it cannot read).
 *
 * <pre>
 * users          {_id, name, email, role, active?}        unique email_unique(email)
 * credentials    {_id: userId, hash}                      PBKDF2 hashes only, apart from users
 * rooms          {_id, name, nameKey, location, capacity, equipment[], zone, active?}
 *                                                          unique nameKey_unique(nameKey)
 * reservations   {_id, roomId, userId, start, end, title, attendees, status, createdAt, createdBy?,
 *                 cancelledAt?, cancelledBy?, version, idempotencyKey?, idempotencyScope?, days}
 *                (fields marked ? may be absent: active reads as true, createdBy as userId, so
 *                 documents written before they existed stay valid)
 *                days: the UTC days ("yyyy-mm-dd") the slot touches, derived from start and end (the
 *                days of its room-day buckets); added to older documents by the migration to version 2
 *                status ABANDONED marks a booking that can never complete (a tombstone: fenced by
 *                another booker, or its own booker gave up; it has no slot and no days)
 *                                                          room_start(roomId,start), user_start(userId,start),
 *                                                          start_id(start,_id), roomId_days(roomId,days),
 *                                                          userId_days(userId,days), days_start(days,start),
 *                                                          unique sparse idempotencyScope_unique (keys are per
 *                                                          acting user; schema 1 had them global: migrated)
 * room_days      {_id: "roomId|yyyy-mm-dd", roomId, day, claims[{rid, start, end}], since{hex(rid): date}}
 *                one document per room and UTC day: the unit of atomic conflict checking; since holds
 *                the server's time of each claim (claims written before it carry claimedAt instead)
 * replication_markers {_id, writtenAt}                     written by the replication check
 * sessions       {_id: sha256(session id), userId, createdAt, lastSeen, expiresAt}
 *                                                          userId, TTL expiresAt_ttl(expiresAt)
 * signin_failures {_id: "account:email" | "address:ip", firstAt, count, expiresAt}
 *                                                          TTL expiresAt_ttl(expiresAt)
 * locations      {_id, site, building, floor?, zone, key}  unique key_unique(key) (key: site|building|floor lower-cased)
 *                rooms may carry locationId? naming one; rooms without it keep their free-text location
 * users          may carry zone? (the user's own time zone); absent: not said
 * schema_version {_id: "schema", version, createdAt}
 * </pre>
 * The idempotency index is sparse rather than partial: both MongoDB and the embedded
 * mongo-java-server support sparse unique indexes, and keys are simply absent when unused.
 * The {@code days} indexes serve windows (see {@link ReservationFinds}): a reservation overlapping
 * a window touches one of its days, so a window of a few days reads only those days' reservations.
 *
 * <p>Versions: 1; 2 scoped idempotency keys to the acting user; 3 added {@code days}. Opening an
 * older database migrates it step by step: to 3 by adding {@code days} to every reservation that
 * lacks it (idempotent, so a migration cut short is finished by the next start), then recording
 * version 3; an older program then refuses the database. Stop older programs
 * before upgrading: one still running would write reservations without {@code days}, which
 * windowed lists would miss. Thread-safe (stateless).
 */
public final class Schema {
    public static final int VERSION = 3;
    static final String IDEMPOTENCY_INDEX = "idempotencyScope_unique";
    static final String SHARD_KEY_INDEX = "roomId_id";
    public static final String USERS = "users";
    public static final String ROOMS = "rooms";
    public static final String CREDENTIALS = "credentials";
    public static final String RESERVATIONS = "reservations";
    public static final String ROOM_DAYS = "room_days";
    public static final String MARKERS = "replication_markers";
    public static final String SESSIONS = "sessions";
    public static final String SIGNIN_FAILURES = "signin_failures";
    public static final String SCHEMA_VERSION = "schema_version";
    /** API tokens: unique digest_unique(digest), userId_createdAt: see {@link MongoApiTokenStore}. */
    public static final String API_TOKENS = "api_tokens";

    /** {_id, site, building, floor?, zone, key} unique key_unique(key): see {@link LocationDocs}. */
    public static final String LOCATIONS = "locations";

    private Schema() {
    }

    /** Creates what is missing; safe to run from several processes at once. */
    public static void ensure(MongoDatabase db, Clock clock) {
        MongoFailures.write("preparing the database schema", () -> {
            db.getCollection(USERS).createIndex(Indexes.ascending("email"),
                    new IndexOptions().unique(true).name("email_unique"));
            db.getCollection(ROOMS).createIndex(Indexes.ascending("nameKey"),
                    new IndexOptions().unique(true).name("nameKey_unique"));
            var reservations = db.getCollection(RESERVATIONS);
            reservations.createIndex(Indexes.ascending("roomId", "start"), new IndexOptions().name("room_start"));
            reservations.createIndex(Indexes.ascending("userId", "start"), new IndexOptions().name("user_start"));
            reservations.createIndex(Indexes.ascending("start", "_id"), new IndexOptions().name("start_id"));
            // the shard key of reservations on a sharded cluster (docs/scale-out.md); must exist before sharding
            reservations.createIndex(Indexes.ascending("roomId", "_id"), new IndexOptions().name(SHARD_KEY_INDEX));
            reservations.createIndex(Indexes.ascending(Documents.IDEMPOTENCY_SCOPE),
                    new IndexOptions().unique(true).sparse(true).name(IDEMPOTENCY_INDEX));
            reservations.createIndex(Indexes.ascending("roomId", Documents.DAYS), new IndexOptions().name("roomId_days"));
            reservations.createIndex(Indexes.ascending("userId", Documents.DAYS), new IndexOptions().name("userId_days"));
            reservations.createIndex(Indexes.ascending(Documents.DAYS, "start"), new IndexOptions().name("days_start"));
            db.getCollection(SESSIONS).createIndex(Indexes.ascending("userId"), new IndexOptions().name("userId"));
            db.getCollection(SESSIONS).createIndex(Indexes.ascending("expiresAt"),
                    new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiresAt_ttl"));
            db.getCollection(SIGNIN_FAILURES).createIndex(Indexes.ascending("expiresAt"),
                    new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiresAt_ttl"));
            db.getCollection(LOCATIONS).createIndex(Indexes.ascending("key"),
                    new IndexOptions().unique(true).name("key_unique"));
            db.getCollection(API_TOKENS).createIndexes(List.of(
                    new IndexModel(Indexes.ascending("digest"), new IndexOptions().unique(true).name("digest_unique")),
                    new IndexModel(Indexes.ascending("userId", "createdAt"), new IndexOptions().name("userId_createdAt"))));
            db.getCollection(SCHEMA_VERSION).updateOne(Filters.eq("_id", "schema"),
                    Updates.combine(Updates.setOnInsert("version", VERSION),
                            Updates.setOnInsert("createdAt", Documents.date(clock.instant()))),
                    new UpdateOptions().upsert(true));
            return null;
        });
        Document version = MongoFailures.read("reading the schema version",
                () -> db.getCollection(SCHEMA_VERSION).find(Filters.eq("_id", "schema")).first());
        int stored = version == null ? VERSION : version.getInteger("version", VERSION);
        if (stored > VERSION) {
            throw new StoreUnavailableException("database '" + db.getName() + "' has schema version " + stored
                    + ", newer than this program understands (" + VERSION + "); upgrade the program", null);
        }
        if (stored < 2) {
            MongoFailures.write("migrating the schema to version 2", () -> scopeIdempotencyKeys(db));
        }
        if (stored < 3) {
            MongoFailures.write("adding the days of each reservation (schema version 3)", () -> {
                addDays(db.getCollection(RESERVATIONS));
                db.getCollection(SCHEMA_VERSION).updateOne(Filters.eq("_id", "schema"), Updates.max("version", VERSION));
                return null;
            });
        }
    }

    /**
     * Version 1 kept idempotency keys unique across all users; version 2 per acting user: every
     * keyed reservation gains {@code idempotencyScope} and the global index goes. Idempotent, so
     * several processes may run it at once; the version is raised last.
     */
    private static Void scopeIdempotencyKeys(MongoDatabase db) {
        var reservations = db.getCollection(RESERVATIONS);
        for (Document d : reservations.find(Filters.and(Filters.exists("idempotencyKey"),
                Filters.exists(Documents.IDEMPOTENCY_SCOPE, false)))) {
            String creator = d.getString("createdBy") != null ? d.getString("createdBy") : d.getString("userId");
            reservations.updateOne(Filters.eq("_id", d.get("_id")), Updates.set(Documents.IDEMPOTENCY_SCOPE,
                    dev.reservation.core.domain.Reservation.scope(creator, d.getString("idempotencyKey"))));
        }
        for (Document index : reservations.listIndexes()) {
            if ("idempotencyKey_unique".equals(index.getString("name"))) {
                reservations.dropIndex("idempotencyKey_unique");
            }
        }
        db.getCollection(SCHEMA_VERSION).updateOne(Filters.and(Filters.eq("_id", "schema"), Filters.lt("version", 2)),
                Updates.set("version", 2));
        return null;
    }

    /** Sets {@code days} on every reservation that has a slot and no days; returns how many it changed. */
    static long addDays(MongoCollection<Document> reservations) {
        long changed = 0;
        List<WriteModel<Document>> batch = new ArrayList<>();
        for (Document d : reservations.find(Filters.and(Filters.exists(Documents.DAYS, false),
                Filters.exists("start"), Filters.exists("end")))
                .projection(Projections.include("start", "end"))) {
            List<String> days = Documents.days(d.getDate("start").toInstant(), d.getDate("end").toInstant());
            batch.add(new UpdateOneModel<>(Filters.eq(Documents.ID, d.get(Documents.ID)), Updates.set(Documents.DAYS, days)));
            if (batch.size() == 1_000) {
                changed += reservations.bulkWrite(batch).getModifiedCount();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            changed += reservations.bulkWrite(batch).getModifiedCount();
        }
        return changed;
    }
}
