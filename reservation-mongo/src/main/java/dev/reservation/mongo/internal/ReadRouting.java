package dev.reservation.mongo.internal;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Where each kind of read goes. Reads that decide a write (conflict checks, look-ups before a
 * cancel, idempotency replays) use the collections as configured in the client: primary, majority
 * read concern. List reads go to secondaries ({@code secondaryPreferred} with
 * {@code maxStalenessSeconds}) only when secondary reads are configured AND the deployment has
 * sessions (a replica set), always with read-your-writes through {@link ReadYourWrites}.
 * Immutable and thread-safe.
 */
public final class ReadRouting {
    private final boolean secondaryLists;
    private final ReadPreference listPreference;
    private final ReadYourWrites readYourWrites;

    public ReadRouting(MongoClient client, boolean secondaryLists, ReadPreference listPreference) {
        this.secondaryLists = secondaryLists;
        this.listPreference = listPreference;
        this.readYourWrites = new ReadYourWrites(client, secondaryLists);
    }

    /** The collection to read list pages from. */
    public MongoCollection<Document> forLists(MongoCollection<Document> primary) {
        return secondaryLists ? primary.withReadPreference(listPreference) : primary;
    }

    public boolean secondaryLists() {
        return secondaryLists;
    }

    ReadYourWrites readYourWrites() {
        return readYourWrites;
    }
}
