package dev.reservation.rig;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;

/**
 * The simulated set's membership and election state, and the documents that describe it:
 * {@code hello}/{@code isMaster}, {@code replSetGetStatus}, {@code replSetGetConfig}. Member 0 is
 * the primary except while a failover is in progress; member 1 is the secondary (up or down);
 * member 2 the arbiter. Thread-safe (state changes are synchronized, reads see a consistent copy).
 */
final class Topology {
    /** The members of the simulated PSA set. */
    enum Role { PRIMARY_NODE, SECONDARY_NODE, ARBITER }

    static final int MAX_WIRE_VERSION = 8;
    private final String setName;
    private final ObjectId processId = new ObjectId();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final String[] hosts = new String[3];
    private boolean electing;
    private boolean secondaryUp = true;
    private long term = 1;
    private ObjectId electionId = electionId(1);
    private Instant electionDate;
    private long topologyCounter;

    Topology(String setName, Instant startedAt) {
        this.setName = setName;
        this.electionDate = startedAt;
    }

    String setName() {
        return setName;
    }

    synchronized void host(Role role, String host) {
        hosts[role.ordinal()] = host;
    }

    synchronized String host(Role role) {
        return hosts[role.ordinal()];
    }

    synchronized boolean isPrimary(Role role) {
        return role == Role.PRIMARY_NODE && !electing;
    }

    synchronized boolean electing() {
        return electing;
    }

    synchronized void beginElection() {
        electing = true;
        topologyCounter++;
    }

    synchronized void elected(Instant at) {
        electing = false;
        term++;
        electionId = electionId(term);
        electionDate = at;
        topologyCounter++;
    }

    synchronized void secondaryUp(boolean up) {
        secondaryUp = up;
        topologyCounter++;
    }

    synchronized boolean secondaryUp() {
        return secondaryUp;
    }

    synchronized long term() {
        return term;
    }

    int nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    /** An electionId whose order follows the term, as mongod's does (the driver compares them). */
    private static ObjectId electionId(long term) {
        return new ObjectId(String.format("7fffffff%016x", term));
    }

    /** The handshake reply of {@code role}; {@code legacy} for {@code isMaster} (field {@code ismaster}). */
    synchronized BsonDocument hello(Role role, boolean legacy, ReplicationLog log, Instant now, int connectionId) {
        boolean primary = isPrimary(role);
        BsonDocument d = new BsonDocument();
        d.put("helloOk", BsonBoolean.TRUE);
        d.put(legacy ? "ismaster" : "isWritablePrimary", BsonBoolean.valueOf(primary));
        d.put("topologyVersion", new BsonDocument("processId", new BsonObjectId(processId))
                .append("counter", new BsonInt64(topologyCounter)));
        d.put("hosts", new BsonArray(java.util.List.of(new BsonString(hosts[0]), new BsonString(hosts[1]))));
        d.put("arbiters", new BsonArray(java.util.List.of(new BsonString(hosts[2]))));
        d.put("setName", new BsonString(setName));
        d.put("setVersion", new BsonInt32(1));
        if (role == Role.ARBITER) {
            d.put("arbiterOnly", BsonBoolean.TRUE);
            d.put("secondary", BsonBoolean.FALSE);
        } else {
            d.put("secondary", BsonBoolean.valueOf(!primary));
        }
        if (!electing) {
            d.put("primary", new BsonString(hosts[0]));
        }
        d.put("me", new BsonString(hosts[role.ordinal()]));
        if (primary) {
            d.put("electionId", new BsonObjectId(electionId));
        }
        if (role != Role.ARBITER) {
            long ts = role == Role.PRIMARY_NODE && primary ? log.lastTs() : log.committedTs();
            Instant at = role == Role.PRIMARY_NODE && primary ? log.lastWriteAt() : log.committedAt();
            d.put("lastWrite", new BsonDocument("opTime", opTime(ts)).append("lastWriteDate", date(at))
                    .append("majorityOpTime", opTime(log.committedTs())).append("majorityWriteDate", date(log.committedAt())));
        }
        d.put("maxBsonObjectSize", new BsonInt32(16 * 1024 * 1024));
        d.put("maxMessageSizeBytes", new BsonInt32(48_000_000));
        d.put("maxWriteBatchSize", new BsonInt32(100_000));
        d.put("localTime", date(now));
        d.put("logicalSessionTimeoutMinutes", new BsonInt32(30));
        d.put("connectionId", new BsonInt32(connectionId));
        d.put("minWireVersion", new BsonInt32(0));
        d.put("maxWireVersion", new BsonInt32(MAX_WIRE_VERSION));
        d.put("readOnly", BsonBoolean.FALSE);
        d.put("ok", new BsonDouble(1));
        return d;
    }

    /** {@code replSetGetStatus} as answered by {@code self}. */
    synchronized BsonDocument status(Role self, ReplicationLog log, Instant now) {
        BsonArray members = new BsonArray();
        boolean primaryUp = !electing;
        members.add(member(0, Role.PRIMARY_NODE, self, primaryUp ? 1 : 2, primaryUp ? "PRIMARY" : "SECONDARY", true,
                log.lastTs(), log.lastWriteAt(), now));
        members.add(member(1, Role.SECONDARY_NODE, self, secondaryUp ? 2 : 8,
                secondaryUp ? "SECONDARY" : "(not reachable/healthy)", secondaryUp, log.committedTs(), log.committedAt(), now));
        members.add(member(2, Role.ARBITER, self, 7, "ARBITER", true, 0, null, now));
        int myState = self == Role.ARBITER ? 7 : isPrimary(self) ? 1 : 2;
        return new BsonDocument("set", new BsonString(setName)).append("date", date(now))
                .append("myState", new BsonInt32(myState)).append("term", new BsonInt64(term))
                .append("heartbeatIntervalMillis", new BsonInt64(2000))
                .append("optimes", new BsonDocument("lastCommittedOpTime", opTime(log.committedTs()))
                        .append("appliedOpTime", opTime(log.lastTs())))
                .append("members", members).append("ok", new BsonDouble(1));
    }

    private BsonDocument member(int id, Role role, Role self, int state, String stateStr, boolean healthy, long ts,
                                Instant optimeAt, Instant now) {
        BsonDocument m = new BsonDocument("_id", new BsonInt32(id)).append("name", new BsonString(hosts[id]))
                .append("health", new BsonDouble(healthy ? 1 : 0)).append("state", new BsonInt32(state))
                .append("stateStr", new BsonString(stateStr));
        if (role != Role.ARBITER) {
            m.put("optime", opTime(ts));
            m.put("optimeDate", date(healthy ? optimeAt : Instant.EPOCH));
        }
        if (role == Role.PRIMARY_NODE && !electing) {
            m.put("electionDate", date(electionDate));
            m.put("electionId", new BsonObjectId(electionId));
        }
        if (role == self) {
            m.put("self", BsonBoolean.TRUE);
        } else {
            m.put("lastHeartbeat", date(healthy ? now : Instant.EPOCH));
            m.put("pingMs", new BsonInt64(0));
        }
        return m;
    }

    synchronized BsonDocument config() {
        BsonArray members = new BsonArray();
        for (int i = 0; i < 3; i++) {
            members.add(new BsonDocument("_id", new BsonInt32(i)).append("host", new BsonString(hosts[i]))
                    .append("arbiterOnly", BsonBoolean.valueOf(i == 2))
                    .append("priority", new BsonDouble(i == 2 ? 0 : 1)).append("votes", new BsonInt32(1)));
        }
        return new BsonDocument("config", new BsonDocument("_id", new BsonString(setName))
                .append("version", new BsonInt32(1)).append("term", new BsonInt64(term)).append("members", members))
                .append("ok", new BsonDouble(1));
    }

    private BsonDocument opTime(long ts) {
        return new BsonDocument("ts", Replies.timestamp(ts)).append("t", new BsonInt64(term));
    }

    private static BsonDateTime date(Instant at) {
        return new BsonDateTime(at.toEpochMilli());
    }
}
