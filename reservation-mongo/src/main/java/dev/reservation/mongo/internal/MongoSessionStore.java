package dev.reservation.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.reservation.core.auth.SessionStore;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Web sessions in {@code sessions} ({@code {_id: digest of the id, userId, createdAt, lastSeen,
 * expiresAt}}): written with the majority concern bookings use, so a session survives a failover
 * as a booking does; a TTL index removes them once {@code expiresAt} has passed (readers check it
 * too: the TTL monitor runs about once a minute, and the embedded server has none). Thread-safe.
 */
public final class MongoSessionStore implements SessionStore {
    private final MongoCollection<Document> sessions;

    public MongoSessionStore(MongoCollection<Document> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void insert(StoredSession s) {
        MongoFailures.write("starting a session for user " + s.userId(), () -> sessions.insertOne(
                new Document(Documents.ID, s.digest()).append("userId", s.userId())
                        .append("createdAt", Documents.date(s.createdAt())).append("lastSeen", Documents.date(s.lastSeen()))
                        .append("expiresAt", Documents.date(s.expiresAt()))));
    }

    @Override
    public Optional<StoredSession> find(String digest) {
        return MongoFailures.read("reading a session", () -> Optional.ofNullable(
                sessions.find(Filters.eq(Documents.ID, digest)).first()).map(d -> new StoredSession(d.getString(Documents.ID),
                d.getString("userId"), Documents.instant(d, "createdAt"), Documents.instant(d, "lastSeen"),
                Documents.instant(d, "expiresAt"))));
    }

    @Override
    public void touch(String digest, java.time.Instant lastSeen, java.time.Instant expiresAt) {
        MongoFailures.write("recording a session's use", () -> sessions.updateOne(Filters.eq(Documents.ID, digest),
                Updates.combine(Updates.set("lastSeen", Documents.date(lastSeen)),
                        Updates.set("expiresAt", Documents.date(expiresAt)))));
    }

    @Override
    public void delete(String digest) {
        MongoFailures.write("ending a session", () -> sessions.deleteOne(Filters.eq(Documents.ID, digest)));
    }

    @Override
    public void deleteAllOf(String userId, String keepDigest) {
        Bson filter = keepDigest == null ? Filters.eq("userId", userId)
                : Filters.and(Filters.eq("userId", userId), Filters.ne(Documents.ID, keepDigest));
        MongoFailures.write("ending the sessions of user " + userId, () -> sessions.deleteMany(filter));
    }
}
