package dev.reservation.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.reservation.core.auth.ApiToken;
import dev.reservation.core.auth.ApiTokenStore;
import dev.reservation.core.auth.TokenScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * API tokens in {@code api_tokens}, one document per token: {@code _id}, {@code userId},
 * {@code name}, {@code scope}, {@code digest} (unique index {@code digest_unique}), {@code createdAt},
 * {@code lastUsedAt}, and {@code roomId} on a door-display token only (scope {@code DISPLAY}; its
 * {@code userId} is {@code display:<roomId>}; documents written before have no such field and read
 * as personal tokens). Listing a user's (or a room's display) tokens uses {@code userId_createdAt}. Revoking deletes the
 * document: once the majority write returns, no instance finds the token in the store again.
 * Thread-safe.
 */
public final class MongoApiTokenStore implements ApiTokenStore {
    private final MongoCollection<Document> tokens;

    public MongoApiTokenStore(MongoCollection<Document> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void insert(ApiToken t) {
        Document doc = new Document(Documents.ID, t.id()).append("userId", t.userId()).append("name", t.name())
                .append("scope", t.scope().name()).append("digest", t.digest())
                .append("createdAt", Documents.date(t.createdAt()));
        if (t.roomId() != null) {
            doc.append("roomId", t.roomId());
        }
        MongoFailures.write("storing an API token of user " + t.userId(), () -> tokens.insertOne(doc));
    }

    @Override
    public Optional<ApiToken> findByDigest(String digest) {
        return MongoFailures.read("looking up an API token", () -> Optional.ofNullable(
                tokens.find(Filters.eq("digest", digest)).first()).map(MongoApiTokenStore::token));
    }

    @Override
    public List<ApiToken> forUser(String userId) {
        return MongoFailures.read("listing API tokens of user " + userId, () -> tokens.find(Filters.eq("userId", userId))
                .sort(Sorts.ascending("createdAt", Documents.ID)).map(MongoApiTokenStore::token)
                .into(new ArrayList<>()));
    }

    @Override
    public boolean revoke(String userId, String id) {
        return MongoFailures.write("revoking an API token of user " + userId, () -> tokens.deleteOne(
                Filters.and(Filters.eq(Documents.ID, id), Filters.eq("userId", userId))).getDeletedCount() == 1);
    }

    @Override
    public void touch(String id, Instant at) {
        Date when = Documents.date(at);
        MongoFailures.write("recording the use of an API token", () -> tokens.updateOne(
                Filters.and(Filters.eq(Documents.ID, id), Filters.or(Filters.exists("lastUsedAt", false),
                        Filters.lt("lastUsedAt", when))), Updates.set("lastUsedAt", when)));
    }

    private static ApiToken token(Document d) {
        Date used = d.getDate("lastUsedAt");
        return new ApiToken(d.getString(Documents.ID), d.getString("userId"), d.getString("name"),
                TokenScope.valueOf(d.getString("scope")), d.getString("digest"), d.getDate("createdAt").toInstant(),
                used == null ? null : used.toInstant(), d.getString("roomId"));
    }
}
