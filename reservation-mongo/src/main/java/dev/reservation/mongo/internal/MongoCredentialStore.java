package dev.reservation.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.PasswordHash;
import java.util.Optional;
import org.bson.Document;

/**
 * Password hashes in their own collection {@code credentials} ({@code {_id: userId, hash}}), so no
 * query of users can return one. Writes with the client's majority concern; reads from the primary.
 * Thread-safe.
 */
public final class MongoCredentialStore implements CredentialStore {
    private final MongoCollection<Document> credentials;

    public MongoCredentialStore(MongoCollection<Document> credentials) {
        this.credentials = credentials;
    }

    @Override
    public void put(String userId, PasswordHash hash) {
        MongoFailures.write("storing the password of user " + userId, () -> credentials.replaceOne(
                Filters.eq(Documents.ID, userId), new Document(Documents.ID, userId).append("hash", hash.encode()),
                new ReplaceOptions().upsert(true)));
    }

    @Override
    public Optional<PasswordHash> find(String userId) {
        return MongoFailures.read("reading the password of user " + userId,
                () -> Optional.ofNullable(credentials.find(Filters.eq(Documents.ID, userId)).first())
                        .map(d -> PasswordHash.parse(d.getString("hash"))));
    }
}
