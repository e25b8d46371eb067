package dev.reservation.rig;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;

/**
 * Retryable writes as mongod answers them: the first reply to each (lsid, txnNumber) is kept, and
 * a repeat of that pair gets it again (after waiting for its write concern) instead of being applied
 * a second time. A rollback forgets the writes it undid, as the rolled-back {@code
 * config.transactions} entries are undone on a real set. Thread-safe.
 */
final class RetryTable {
    record Key(String lsid, long txnNumber) {
    }

    /** The first reply, the timestamp its write concern waits for, and its own log entry's timestamp. */
    record Recorded(BsonDocument reply, long waitTs, long entryTs) {
    }

    private final Map<Key, Recorded> recorded = new ConcurrentHashMap<>();

    static Optional<Key> keyOf(BsonDocument command) {
        if (!command.containsKey("txnNumber") || !command.isDocument("lsid")
                || !command.getDocument("lsid").isBinary("id")) {
            return Optional.empty();
        }
        String lsid = Base64.getEncoder().encodeToString(command.getDocument("lsid").getBinary("id").getData());
        return Optional.of(new Key(lsid, command.getNumber("txnNumber").longValue()));
    }

    Recorded get(Key key) {
        return recorded.get(key);
    }

    void put(Key key, Recorded r) {
        recorded.put(key, r);
    }

    /** Forgets the writes whose entries were rolled back (timestamps above the commit point). */
    void forgetAfter(long committedTs) {
        recorded.values().removeIf(r -> r.entryTs() > committedTs);
    }
}
