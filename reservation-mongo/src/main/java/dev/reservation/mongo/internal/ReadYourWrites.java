package dev.reservation.mongo.internal;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * Read-your-writes for this process when list reads may go to secondaries. Writes that a list
 * read must see (reservation inserts and cancellations) run in a session whose operation time and
 * cluster time are remembered (the latest wins); a list read runs in a causally consistent session
 * advanced to them, so a secondary answers only once it has applied them. With secondary reads off,
 * or on a server without sessions (the embedded server, a standalone), both run plain: every read
 * then goes to the one primary, which already shows this process's writes.
 * Thread-safe: sessions are per call, the remembered times are atomic references.
 */
final class ReadYourWrites {
    private final MongoClient client;
    private final boolean enabled;
    private final AtomicReference<BsonTimestamp> operationTime = new AtomicReference<>();
    private final AtomicReference<BsonDocument> clusterTime = new AtomicReference<>();

    ReadYourWrites(MongoClient client, boolean enabled) {
        this.client = client;
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    <T> T write(Function<ClientSession, T> inSession, Supplier<T> plain) {
        if (!enabled) {
            return plain.get();
        }
        try (ClientSession session = client.startSession(ClientSessionOptions.builder().causallyConsistent(true).build())) {
            T result = inSession.apply(session);
            remember(session);
            return result;
        }
    }

    <T> T read(Function<ClientSession, T> inSession, Supplier<T> plain) {
        if (!enabled) {
            return plain.get();
        }
        try (ClientSession session = client.startSession(ClientSessionOptions.builder().causallyConsistent(true).build())) {
            BsonTimestamp op = operationTime.get();
            BsonDocument cluster = clusterTime.get();
            if (cluster != null) {
                session.advanceClusterTime(cluster);
            }
            if (op != null) {
                session.advanceOperationTime(op);
            }
            return inSession.apply(session);
        }
    }

    private void remember(ClientSession session) {
        BsonTimestamp op = session.getOperationTime();
        if (op != null) {
            operationTime.accumulateAndGet(op, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
        }
        BsonDocument cluster = session.getClusterTime();
        if (cluster != null && cluster.containsKey("clusterTime")) {
            clusterTime.accumulateAndGet(cluster, (a, b) -> a == null
                    || b.getTimestamp("clusterTime").compareTo(a.getTimestamp("clusterTime")) > 0 ? b : a);
        }
    }
}
