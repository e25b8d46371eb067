package dev.reservation.harness.sim;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import dev.reservation.harness.cluster.AdminCommands;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;

/**
 * A fake of the admin commands a PSA start sends, answering as a freshly started set does: data
 * members {@code d0:1} and {@code d1:2}, arbiter {@code a2:3}. After {@code replSetInitiate},
 * {@code replSetGetStatus} reports d0 PRIMARY at once, but d0's {@code hello} says
 * {@code isWritablePrimary: false} for the first {@code drainingHellos} calls (a new primary draining);
 * {@code setDefaultRWConcern} sent meanwhile is refused with NotWritablePrimary (10107), as mongod does.
 * Scripted failures can be queued for {@code setDefaultRWConcern} (a server error code, or
 * {@link #WTIMEOUT} for an ok reply with a write-concern timeout) and for {@code replSetReconfig} (a
 * code). Every command is recorded. Thread-safe (synchronized).
 */
public final class FakeCommandResponder implements AdminCommands {
    public static final String D0 = "d0:1", D1 = "d1:2", ARBITER = "a2:3";
    /** A queued {@code setDefaultRWConcern} failure: ok reply with {@code writeConcernError {code: 64, wtimeout}}. */
    public static final int WTIMEOUT = -64;

    /** One command as received, with whether d0's last hello had said it was writable. */
    public record Received(String host, Document command, boolean writableWhenSent) {
        public String name() {
            return command.keySet().iterator().next();
        }
    }

    private final int drainingHellos;
    private final Deque<Integer> setDefaultFailures = new ArrayDeque<>();
    private final Deque<Integer> reconfigFailures = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private Document config;
    private int hellosToD0;
    private boolean lastHelloWritable;

    public FakeCommandResponder(int drainingHellos) {
        this.drainingHellos = drainingHellos;
    }

    public synchronized FakeCommandResponder failSetDefault(Integer... codes) {
        setDefaultFailures.addAll(List.of(codes));
        return this;
    }

    public synchronized FakeCommandResponder failReconfig(Integer... codes) {
        reconfigFailures.addAll(List.of(codes));
        return this;
    }

    public synchronized List<Received> received(String name) {
        return received.stream().filter(r -> r.name().equals(name)).toList();
    }

    public synchronized Document config() {
        return config;
    }

    @Override
    public synchronized Document command(String host, Document command) {
        Received r = new Received(host, command, lastHelloWritable);
        received.add(r);
        switch (r.name()) {
            case "ping":
                return ok();
            case "replSetInitiate":
                config = new Document(command.get("replSetInitiate", Document.class)).append("version", 1);
                return ok();
            case "replSetGetStatus":
                if (config == null) {
                    throw error(host, 94, "NotYetInitialized", "no replset config has been received");
                }
                return status();
            case "hello":
                boolean writable = config != null && host.equals(D0) && hellosToD0++ >= drainingHellos;
                if (host.equals(D0)) {
                    lastHelloWritable = writable;
                }
                return ok().append("isWritablePrimary", writable).append("secondary", config != null && !writable);
            case "setDefaultRWConcern":
                if (!host.equals(D0) || !lastHelloWritable) {
                    throw error(host, 10107, "NotWritablePrimary", "not primary");
                }
                Integer failure = setDefaultFailures.poll();
                if (failure != null && failure == WTIMEOUT) {
                    return ok().append("writeConcernError", new Document("code", 64).append("codeName", "WriteConcernFailed")
                            .append("errmsg", "waiting for replication timed out").append("errInfo",
                                    new Document("wtimeout", true)));
                }
                if (failure != null) {
                    throw error(host, failure, "Scripted", "scripted failure");
                }
                return ok();
            case "replSetGetConfig":
                return ok().append("config", new Document(config));
            case "replSetReconfig":
                Integer code = reconfigFailures.poll();
                if (code != null) {
                    throw error(host, code, code == 109 ? "ConfigurationInProgress"
                            : code == 308 ? "CurrentConfigNotCommittedOrPropagated" : "Scripted", "scripted failure");
                }
                Document next = command.get("replSetReconfig", Document.class);
                if (next.getInteger("version") != config.getInteger("version") + 1) {
                    throw error(host, 103, "NewReplicaSetConfigurationIncompatible", "version must be current + 1");
                }
                config = new Document(next);
                return ok();
            default:
                throw error(host, 59, "CommandNotFound", "no such command: " + r.name());
        }
    }

    private Document status() {
        List<Document> members = new ArrayList<>();
        for (Document m : config.getList("members", Document.class)) {
            String host = m.getString("host");
            String state = Boolean.TRUE.equals(m.getBoolean("arbiterOnly")) ? "ARBITER"
                    : host.equals(D0) ? "PRIMARY" : "SECONDARY";
            members.add(new Document("name", host).append("stateStr", state).append("health", 1.0));
        }
        return ok().append("set", config.getString("_id")).append("term", 1L).append("members", members);
    }

    private static Document ok() {
        return new Document("ok", 1.0);
    }

    private static MongoCommandException error(String host, int code, String name, String message) {
        BsonDocument reply = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("codeName", new BsonString(name)).append("errmsg", new BsonString(message));
        return new MongoCommandException(reply, new ServerAddress(host));
    }
}
