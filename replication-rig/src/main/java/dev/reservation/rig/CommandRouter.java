package dev.reservation.rig;

import dev.reservation.rig.MemberListener.CloseConnection;
import dev.reservation.rig.ReplicationLog.Wait;
import dev.reservation.rig.RetryTable.Recorded;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Answers every command a member receives. Writes run on the applied backend under one lock, so
 * the log's order is the order they were applied in; each is logged for the replicator, and its
 * reply waits for the commit point when the write concern asks for a majority. Reads go to the
 * applied or the committed backend by read concern (a secondary always serves the committed
 * state). Fail points are consulted before anything runs. Thread-safe.
 */
final class CommandRouter implements MemberListener.Handler {
    private final Topology topology;
    private final ReplicationLog log;
    private final RetryTable retries;
    private final Cursors cursors;
    private final FailPoint.Registry failPoints;
    private final AtomicReference<Backend> applied;
    private final Backend committed;
    private final Lock writeLock;
    private final Clock clock;

    CommandRouter(Topology topology, ReplicationLog log, RetryTable retries, Cursors cursors, FailPoint.Registry failPoints,
                  AtomicReference<Backend> applied, Backend committed, Lock writeLock, Clock clock) {
        this.topology = topology;
        this.log = log;
        this.retries = retries;
        this.cursors = cursors;
        this.failPoints = failPoints;
        this.applied = applied;
        this.committed = committed;
        this.writeLock = writeLock;
        this.clock = clock;
    }

    @Override
    public BsonDocument handle(Topology.Role role, Wire.Request r, int connectionId) throws CloseConnection {
        BsonDocument cmd = r.command();
        String name = Commands.lower(r.name());
        switch (name) {
            case "hello", "ismaster":
                return topology.hello(role, !name.equals("hello"), log, clock.instant(), connectionId);
            case "ping", "endsessions", "killsessions", "refreshsessions", "killallsessions", "killallsessionsbypattern":
                return Replies.ok();
            case "buildinfo":
                return Replies.ok().append("version", new BsonString("4.2.0-replication-rig"))
                        .append("versionArray", new BsonArray(List.of(new BsonInt32(4), new BsonInt32(2),
                                new BsonInt32(0), new BsonInt32(0))));
            case "replsetgetstatus":
                return topology.status(role, log, clock.instant());
            case "replsetgetconfig":
                return topology.config();
            case "getmore":
                return getMore(r);
            case "killcursors":
                return killCursors(r);
            default:
                break;
        }
        if (role == Topology.Role.ARBITER) {
            return Replies.error(13436, "an arbiter holds no data and runs no " + r.name(), false, List.of());
        }
        boolean retryableWrite = cmd.containsKey("txnNumber");
        FailPoint fp = failPoints.fire(r.name(), cmd);
        if (fp != null) {
            pause(fp.delay.toMillis());
            fp.beforeApplying.run();
            if (fp.closeBefore) {
                throw new CloseConnection();
            }
            if (fp.errorCode != null) {
                return Replies.error(fp.errorCode, "failure injected by the replication rig", retryableWrite, fp.errorLabels);
            }
        }
        try {
            return Commands.isWrite(name) ? write(role, r, fp, retryableWrite) : read(role, r);
        } catch (Backend.BackendClosedException e) {
            return Replies.error(Replies.INTERRUPTED_DUE_TO_REPL_STATE_CHANGE,
                    "operation was interrupted because a replica set state change occurred", retryableWrite, List.of());
        }
    }

    private BsonDocument write(Topology.Role role, Wire.Request r, FailPoint fp, boolean retryableWrite)
            throws CloseConnection {
        BsonDocument cmd = r.command();
        if (!topology.isPrimary(role)) {
            return Replies.notWritablePrimary(retryableWrite);
        }
        Concerns.Write wc = Concerns.Write.of(cmd);
        Optional<RetryTable.Key> key = RetryTable.keyOf(cmd);
        Recorded rec;
        writeLock.lock();
        try {
            if (!topology.isPrimary(role)) {
                return Replies.notWritablePrimary(retryableWrite);
            }
            rec = key.map(retries::get).orElse(null);
            if (rec == null) {
                rec = apply(r.database(), cmd);
                if (key.isPresent() && rec.entryTs() != 0) {
                    retries.put(key.get(), rec);
                }
            }
        } finally {
            writeLock.unlock();
        }
        if (fp != null) {
            fp.afterApplying.run();
            if (fp.closeAfter) {
                throw new CloseConnection();
            }
        }
        BsonDocument reply = rec.reply().clone();
        if (wc.majority()) {
            Wait w = log.awaitCommitted(rec.waitTs(), wc.timeoutNanos());
            if (w == Wait.CLOSED) {
                throw new CloseConnection();
            }
            if (w == Wait.TIMED_OUT) {
                Replies.addWriteConcernError(reply, Replies.WRITE_CONCERN_FAILED, "waiting for replication timed out",
                        wc.raw(), true, false);
            } else if (w == Wait.INTERRUPTED) {
                Replies.addWriteConcernError(reply, Replies.INTERRUPTED_DUE_TO_REPL_STATE_CHANGE,
                        "operation was interrupted because a replica set state change occurred", wc.raw(), false,
                        retryableWrite);
            }
        }
        if (fp != null && fp.writeConcernError != null && !reply.containsKey("writeConcernError")) {
            Replies.addWriteConcernError(reply, fp.writeConcernError, "write concern error injected by the replication rig",
                    wc.raw(), fp.writeConcernError == Replies.WRITE_CONCERN_FAILED, retryableWrite);
        }
        Replies.addClusterTime(reply, rec.waitTs(), log.lastTs());
        return reply;
    }

    /**
     * Runs one write on the applied backend and logs it (caller holds the write lock). A write that
     * changed nothing still waits for everything logged so far, as mongod waits for the client's
     * last optime, which a no-op or failed write sets to the newest one.
     */
    private Recorded apply(String db, BsonDocument cmd) {
        BsonDocument forBackend = Commands.forBackend(cmd);
        Commands.resolveCurrentDate(forBackend, clock.instant());
        BsonDocument reply = applied.get().command(db, forBackend);
        long entryTs = 0;
        if (Commands.ok(reply)) {
            Commands.pinUpserts(forBackend, reply);
            entryTs = log.append(db, forBackend, reply, clock.instant()).ts();
        }
        return new Recorded(reply, log.lastTs(), entryTs);
    }

    private BsonDocument read(Topology.Role role, Wire.Request r) {
        BsonDocument cmd = r.command();
        Concerns.Read rc = Concerns.Read.of(cmd);
        if (rc.level().equals("snapshot")) {
            return Replies.error(72, "the replication rig does not model snapshot reads", false, List.of());
        }
        Backend backend;
        Wait waited = Wait.COMMITTED;
        if (!topology.isPrimary(role)) {
            if (!secondaryOk(r)) {
                return Replies.error(Replies.NOT_PRIMARY_NO_SECONDARY_OK, "not primary and secondaryOk=false", false,
                        List.of());
            }
            backend = committed; // a PSA secondary holds what the commit point covers
            waited = awaitCommitted(rc.afterTs(), rc.waitNanos());
        } else if (rc.level().equals("majority")) {
            backend = committed;
            waited = awaitCommitted(rc.afterTs(), rc.waitNanos());
        } else if (rc.level().equals("linearizable")) {
            waited = awaitCommitted(log.lastTs(), rc.waitNanos());
            backend = applied.get();
        } else {
            backend = applied.get(); // local / available: the primary has applied everything it handed out
        }
        if (waited == Wait.TIMED_OUT) {
            return Replies.error(Replies.MAX_TIME_EXPIRED, "operation exceeded time limit waiting for the commit point",
                    false, List.of());
        }
        if (waited != Wait.COMMITTED) {
            return Replies.error(Replies.INTERRUPTED_DUE_TO_REPL_STATE_CHANGE,
                    "operation was interrupted because a replica set state change occurred", false, List.of());
        }
        BsonDocument reply = cursors.adopt(backend.command(r.database(), Commands.forBackend(cmd)), backend);
        Replies.addClusterTime(reply, backend == committed ? log.committedTs() : log.lastTs(), log.lastTs());
        return reply;
    }

    private Wait awaitCommitted(long ts, long nanos) {
        return ts == 0 ? Wait.COMMITTED : log.awaitCommitted(ts, nanos);
    }

    /** A secondary answers a read only when the client allows it ({@code $readPreference} other than primary). */
    private static boolean secondaryOk(Wire.Request r) {
        if (r.opCode() == Wire.OP_QUERY) {
            return (r.flags() & 4) != 0;
        }
        BsonDocument cmd = r.command();
        return cmd.isDocument("$readPreference")
                && !cmd.getDocument("$readPreference").getString("mode", new BsonString("primary")).getValue().equals("primary");
    }

    private BsonDocument getMore(Wire.Request r) {
        long id = r.command().getNumber("getMore").longValue();
        Cursors.Ref ref = cursors.get(id);
        if (ref == null) {
            return Replies.error(Replies.CURSOR_NOT_FOUND, "cursor id " + id + " not found", false, List.of());
        }
        BsonDocument cmd = Commands.forBackend(r.command());
        cmd.put("getMore", new BsonInt64(ref.backendId()));
        try {
            BsonDocument reply = cursors.afterGetMore(ref.backend().command(r.database(), cmd), id);
            Replies.addClusterTime(reply, log.lastTs(), log.lastTs());
            return reply;
        } catch (Backend.BackendClosedException e) {
            cursors.forget(id);
            return Replies.error(Replies.CURSOR_NOT_FOUND, "cursor id " + id + " was killed by a rollback", false, List.of());
        }
    }

    private BsonDocument killCursors(Wire.Request r) {
        BsonArray killed = new BsonArray();
        for (BsonValue v : r.command().getArray("cursors", new BsonArray())) {
            long id = v.asNumber().longValue();
            Cursors.Ref ref = cursors.get(id);
            if (ref != null) {
                try {
                    ref.backend().command(r.database(), new BsonDocument("killCursors", r.command().get("killCursors"))
                            .append("cursors", new BsonArray(List.of(new BsonInt64(ref.backendId())))));
                } catch (RuntimeException e) {
                    // the backend is gone, and the cursor with it
                }
                cursors.forget(id);
            }
            killed.add(new BsonInt64(id));
        }
        return new BsonDocument("cursorsKilled", killed).append("cursorsNotFound", new BsonArray())
                .append("cursorsAlive", new BsonArray()).append("cursorsUnknown", new BsonArray())
                .append("ok", new BsonDouble(1));
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
