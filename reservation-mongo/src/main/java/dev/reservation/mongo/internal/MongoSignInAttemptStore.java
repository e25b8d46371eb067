package dev.reservation.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.domain.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;

/**
 * Failed sign-ins per key in {@code signin_failures} ({@code {_id: key, firstAt, count, expiresAt}}),
 * shared by every app instance and CLI run on the store. Counting is one conditional {@code $inc}
 * while the window is open; a closed window is restarted by an upsert that matches only a closed
 * one (a concurrent restart loses the race with a duplicate key and counts into the winner's window).
 * A TTL index drops a key's document once its window has passed. Thread-safe.
 */
public final class MongoSignInAttemptStore implements SignInAttemptStore {
    private static final int ATTEMPTS = 5;
    private final MongoCollection<Document> failures;

    public MongoSignInAttemptStore(MongoCollection<Document> failures) {
        this.failures = failures;
    }

    @Override
    public Failures recordFailure(String key, Instant now, Duration window) {
        return MongoFailures.write("counting a failed sign-in", () -> {
            FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
            for (int i = 0; i < ATTEMPTS; i++) {
                Document open = failures.findOneAndUpdate(Filters.and(Filters.eq(Documents.ID, key),
                        Filters.gt("firstAt", Documents.date(now.minus(window)))), Updates.inc("count", 1), after);
                if (open != null) {
                    return of(open);
                }
                try {
                    Document restarted = failures.findOneAndUpdate(Filters.and(Filters.eq(Documents.ID, key),
                                    Filters.lte("firstAt", Documents.date(now.minus(window)))),
                            Updates.combine(Updates.set("firstAt", Documents.date(now)), Updates.set("count", 1),
                                    Updates.set("expiresAt", Documents.date(now.plus(window)))),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).upsert(true));
                    return of(restarted);
                } catch (MongoException e) {
                    if (!MongoFailures.isDuplicateKey(e)) {
                        throw e;
                    }
                    // another process opened a window for this key just now: count into it
                }
            }
            throw new StoreUnavailableException("failed sign-ins for one key changed too often to count; try again", null);
        });
    }

    @Override
    public Optional<Failures> find(String key) {
        return MongoFailures.read("reading failed sign-ins", () -> Optional.ofNullable(
                failures.find(Filters.eq(Documents.ID, key)).first()).map(MongoSignInAttemptStore::of));
    }

    @Override
    public void clear(String key) {
        MongoFailures.write("clearing failed sign-ins", () -> failures.deleteOne(Filters.eq(Documents.ID, key)));
    }

    private static Failures of(Document d) {
        return new Failures(Documents.instant(d, "firstAt"), d.getInteger("count"));
    }
}
