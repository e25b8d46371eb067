package dev.reservation.mongo.internal.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.notify.FeedToken;
import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.mongo.internal.MongoFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Feed token digests in {@code feed_tokens}, one document per (user, feed): rotating replaces the
 * document, so the old digest is gone in the same single-document write. Thread-safe.
 */
public final class MongoFeedTokenStore implements FeedTokenStore {
    private final MongoCollection<Document> tokens;

    public MongoFeedTokenStore(MongoCollection<Document> tokens) {
        this.tokens = tokens;
    }

    private static String key(String userId, String feed) {
        return userId + "|" + feed;
    }

    @Override
    public void replace(FeedToken t) {
        Document doc = new Document("_id", key(t.userId(), t.feed())).append("userId", t.userId())
                .append("feed", t.feed()).append("digest", t.digest()).append("createdAt", Dates.date(t.createdAt()));
        MongoFailures.write("storing a feed token of user " + t.userId(), () -> tokens.replaceOne(
                Filters.eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true)));
    }

    @Override
    public Optional<FeedToken> findByDigest(String digest) {
        return MongoFailures.read("looking up a feed token", () -> Optional.ofNullable(
                tokens.find(Filters.eq("digest", digest)).first()).map(MongoFeedTokenStore::token));
    }

    @Override
    public List<FeedToken> forUser(String userId) {
        return MongoFailures.read("listing feed tokens of user " + userId, () -> tokens.find(Filters.eq("userId", userId))
                .sort(Sorts.ascending("feed")).map(MongoFeedTokenStore::token).into(new ArrayList<>()));
    }

    @Override
    public boolean revoke(String userId, String feed) {
        return MongoFailures.write("revoking a feed token of user " + userId,
                () -> tokens.deleteOne(Filters.eq("_id", key(userId, feed))).getDeletedCount() == 1);
    }

    private static FeedToken token(Document d) {
        return new FeedToken(d.getString("userId"), d.getString("feed"), d.getString("digest"),
                Dates.instant(d, "createdAt"));
    }
}
