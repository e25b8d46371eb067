package dev.reservation.rig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>A SIMULATION of a MongoDB Primary-Secondary-Arbiter replica set, for tests.</b> It is not
 * MongoDB, and nothing measured on it (latency, "election" or failover times) is MongoDB's
 * behaviour or timing.
 *
 * <p>Three loopback ports speak the MongoDB wire protocol to the real driver as the members of a
 * replica set ({@code setName}, {@code hosts}, {@code arbiters}, {@code electionId},
 * {@code logicalSessionTimeoutMinutes}, {@code lastWrite}), so the driver runs replica-set
 * discovery, sessions, causal consistency and retryable writes as in production. Behind them are
 * two in-process {@code mongo-java-server} backends: <em>applied</em> (what the primary holds) and
 * <em>committed</em> (the majority commit point, which in PSA is what the secondary holds).
 *
 * <h2>What it models</h2>
 * <ul>
 *   <li>Every write command (insert, update, delete, findAndModify, index and collection commands)
 *       runs on <em>applied</em>, one at a time, and is appended to an ordered log; a replicator
 *       replays the log onto <em>committed</em>, with an optional fixed or random lag, and can be
 *       paused ({@link #pauseReplication}) or stalled because the secondary is down
 *       ({@link #stallCommitPoint}: its port refuses connections, majority writes cannot commit).</li>
 *   <li>{@code w:"majority"} (or {@code w >= 2}): the reply waits until the write's log entry is
 *       committed; after {@code wtimeout} it returns the applied reply plus
 *       {@code writeConcernError {code: 64, errInfo: {wtimeout: true}}}, also when the write itself
 *       failed (a failed or no-op write waits for everything logged so far, as mongod waits for the
 *       client's last optime). Without a write concern the PSA default {@code w:1} applies.</li>
 *   <li>{@code readConcern: majority} reads <em>committed</em>; {@code local}, {@code available} or
 *       none read <em>applied</em>; {@code linearizable} first waits for the commit point to reach
 *       the newest entry; {@code afterClusterTime} waits for the commit point (majority) as a causally
 *       consistent session needs. The secondary serves <em>committed</em> to reads that allow it.</li>
 *   <li>Retryable writes: a repeated (lsid, txnNumber) gets the first reply (after its write-concern
 *       wait) and is never applied twice.</li>
 *   <li>Fault injection in the spirit of {@code failCommand} ({@link FailPoint}): errors with the
 *       labels a 4.4+ server adds, closed connections before or after applying, delays,
 *       write-concern errors, hooks at exact points.</li>
 *   <li>A failover ({@link #beginFailover} … {@link #completeFailover}): meanwhile there is no
 *       primary (writes answer NotWritablePrimary, hello says secondary, write-concern waits are
 *       interrupted with code 11602); at the end <em>applied</em> is reset to <em>committed</em> (the
 *       unacknowledged suffix is rolled back, with its retryable-write records), member 0 is primary
 *       again with a higher term and {@code electionId}, and writes a no-op entry, as a new primary does.</li>
 *   <li>{@code $currentDate} is evaluated once, on the rig's server clock, so both backends hold the
 *       same value (mongod's oplog records the value, not the operator).</li>
 * </ul>
 *
 * <h2>What it does not model</h2>
 * Elections and their timing (member 0 is always the next primary), heartbeats, terms beyond a
 * counter, catch-up, journaling and durability across a crash (both backends are memory), real
 * concurrency inside the primary (writes are serialised), partial replication of a write, oplog
 * idempotency rules, transactions, snapshot reads, sharding, authentication and TLS, the streaming
 * {@code hello} protocol (it reports maxWireVersion 8, so the driver polls and labels retryable errors
 * by code itself), and whatever {@code mongo-java-server} itself does not implement (queries on
 * non-unique keys scan). Commands it does not know are run on <em>applied</em> without being logged.
 *
 * <p>Thread-safe. Close it to stop the ports, the replicator and both backends.
 */
public final class ReplicationRig implements AutoCloseable {
    /** The line every report, log and harness output of a rig run starts with. */
    public static final String SIMULATION_NOTICE = "SIMULATION: the data plane is a replication rig "
            + "(two mongo-java-server backends behind a wire-protocol front end) that models replica-set semantics; "
            + "it is not MongoDB, and its timings are not MongoDB elections";
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationRig.class);

    /** What a completed failover undid. */
    public record Rollback(int writesRolledBack, List<String> commands) {
    }

    private final Clock clock;
    private final ReplicationLog log;
    private final Topology topology;
    private final Backend committed;
    private final AtomicReference<Backend> applied = new AtomicReference<>();
    private final RetryTable retries = new RetryTable();
    private final FailPoint.Registry failPoints = new FailPoint.Registry();
    private final Lock writeLock = new ReentrantLock();
    private final Lock replicaLock = new ReentrantLock();
    private final AtomicLong divergences = new AtomicLong();
    private final AtomicInteger generations = new AtomicInteger(1);
    private final MemberListener[] members = new MemberListener[3];
    private final Thread replicator;
    private boolean stalled;
    private boolean paused;

    private ReplicationRig(String setName, Clock clock) {
        this.clock = clock;
        this.log = new ReplicationLog(clock.instant());
        this.topology = new Topology(setName, clock.instant());
        this.committed = new Backend("committed");
        this.applied.set(new Backend("applied#1"));
        CommandRouter router = new CommandRouter(topology, log, retries, new Cursors(), failPoints, applied, committed,
                writeLock, clock);
        try {
            for (Topology.Role role : Topology.Role.values()) {
                members[role.ordinal()] = new MemberListener(role, router, topology);
                topology.host(role, members[role.ordinal()].host());
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open the rig's loopback ports", e);
        }
        this.replicator = new Thread(this::replicate, "rig-replicator");
        replicator.setDaemon(true);
        replicator.start();
        LOG.info("{}: set {} at {}", SIMULATION_NOTICE, setName, connectionString());
    }

    /** A rig with set name {@code rig0} and the system clock as its server clock. */
    public static ReplicationRig start() {
        return start("rig0", Clock.systemUTC());
    }

    /** A rig whose server clock ({@code $currentDate}, {@code localTime}, optime dates) is {@code serverClock}. */
    public static ReplicationRig start(String setName, Clock serverClock) {
        return new ReplicationRig(setName, serverClock);
    }

    /** The URI the driver connects with: the primary as seed, the set name for discovery. */
    public String connectionString() {
        return "mongodb://" + topology.host(Topology.Role.PRIMARY_NODE) + "/?replicaSet=" + topology.setName();
    }

    public String setName() {
        return topology.setName();
    }

    /** {@code host:port} of member 0 (primary), 1 (secondary) or 2 (arbiter). */
    public String host(int member) {
        return topology.host(Topology.Role.values()[member]);
    }

    // ---- replication

    /** Every log entry waits this long before it is replayed (0: as fast as the replicator can). */
    public void lag(Duration fixed) {
        lag(fixed, fixed);
    }

    /** Each entry waits a uniformly random time in {@code [min, max]} (entries stay in order). */
    public void lag(Duration min, Duration max) {
        log.lag(min.toNanos(), max.toNanos());
    }

    /**
     * The secondary goes down: its port refuses connections and nothing more commits, so majority
     * writes time out and majority reads stay where they were (PSA with one data member down).
     */
    public synchronized void stallCommitPoint() {
        stalled = true;
        topology.secondaryUp(false);
        members[Topology.Role.SECONDARY_NODE.ordinal()].refuse();
        applyPause();
    }

    /** The secondary is back and catches up. */
    public synchronized void resumeCommitPoint() {
        stalled = false;
        members[Topology.Role.SECONDARY_NODE.ordinal()].admit();
        topology.secondaryUp(true);
        applyPause();
    }

    /** The secondary stays up but stops applying (a lagging secondary). */
    public synchronized void pauseReplication() {
        paused = true;
        applyPause();
    }

    public synchronized void resumeReplication() {
        paused = false;
        applyPause();
    }

    private void applyPause() {
        if (stalled || paused) {
            log.pause();
        } else {
            log.resume();
        }
    }

    /** Waits until everything applied so far is committed; false if that took longer than {@code timeout}. */
    public boolean awaitReplicated(Duration timeout) {
        return log.awaitCommitted(log.lastTs(), Math.max(1, timeout.toNanos())) == ReplicationLog.Wait.COMMITTED;
    }

    /** The newest log timestamp applied on the primary. */
    public long appliedTs() {
        return log.lastTs();
    }

    /** The newest log timestamp the commit point covers. */
    public long committedTs() {
        return log.committedTs();
    }

    /** Log entries applied but not yet committed. */
    public int uncommitted() {
        return log.pending();
    }

    /** Replayed writes whose outcome on <em>committed</em> differed from the one on <em>applied</em> (should be 0). */
    public long divergences() {
        return divergences.get();
    }

    // ---- failover

    /**
     * The primary is lost: from now until {@link #completeFailover} no member is primary. With
     * {@code crash}, every connection to member 0 is dropped too (in-flight writes see a network
     * error); without it, in-flight write-concern waits end with error 11602, as on a step-down.
     */
    public void beginFailover(boolean crash) {
        topology.beginElection();
        log.interruptWaiters();
        if (crash) {
            members[Topology.Role.PRIMARY_NODE.ordinal()].dropConnections();
        }
    }

    /**
     * A new primary takes over with the committed state: the uncommitted suffix of the log is rolled
     * back (and the retryable-write records of those writes with it), writes resume.
     */
    public Rollback completeFailover() {
        writeLock.lock();
        replicaLock.lock();
        try {
            List<ReplicationLog.Entry> undone = log.rollBack();
            retries.forgetAfter(log.committedTs());
            Backend fresh = new Backend("applied#" + generations.incrementAndGet());
            for (ReplicationLog.Entry e : log.committedEntries()) {
                if (e.command() != null) {
                    compare(e, fresh.command(e.db(), e.command()));
                }
            }
            applied.getAndSet(fresh).close();
            log.appendNoop(clock.instant());
            topology.elected(clock.instant());
            List<String> commands = undone.stream().filter(e -> e.command() != null)
                    .map(e -> e.db() + "." + e.command().getFirstKey() + " " + Commands.collection(e.command())).toList();
            LOG.info("rig failover complete: {} uncommitted writes rolled back", commands.size());
            return new Rollback(commands.size(), commands);
        } finally {
            replicaLock.unlock();
            writeLock.unlock();
        }
    }

    /** {@link #beginFailover}, {@code window} without a primary, then {@link #completeFailover}. */
    public Rollback failover(Duration window, boolean crash) {
        beginFailover(crash);
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return completeFailover();
    }

    public boolean hasPrimary() {
        return !topology.electing();
    }

    // ---- faults

    public FailPoint.Armed arm(FailPoint failPoint) {
        return failPoints.arm(failPoint);
    }

    public FailPoint.Armed arm(FailPoint.Builder failPoint) {
        return arm(failPoint.build());
    }

    public void disarmAll() {
        failPoints.clear();
    }

    // ---- the replicator

    private void replicate() {
        try {
            for (ReplicationLog.Entry e; (e = log.awaitNextToReplicate()) != null; ) {
                replicaLock.lock();
                try {
                    if (!log.isNext(e)) {
                        continue; // rolled back meanwhile
                    }
                    if (e.command() != null) {
                        compare(e, committed.command(e.db(), e.command()));
                    }
                    log.markCommitted(e);
                } finally {
                    replicaLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Backend.BackendClosedException e) {
            // the rig is closing
        } catch (RuntimeException e) {
            LOG.error("rig replicator stopped: {}", e.toString(), e);
        }
    }

    /** Counts a replay whose outcome differs from the original's: the rig's own determinism check. */
    private void compare(ReplicationLog.Entry e, BsonDocument replayed) {
        if (!outcome(e.appliedReply()).equals(outcome(replayed))) {
            divergences.incrementAndGet();
            LOG.warn("rig divergence at ts {}: {} answered {} on applied, {} on replay", e.ts(), e.command(),
                    e.appliedReply(), replayed);
        }
    }

    private static String outcome(BsonDocument reply) {
        return reply.get("ok") + "/" + reply.get("n") + "/" + reply.get("nModified") + "/"
                + (reply.isArray("writeErrors") ? reply.getArray("writeErrors").size() : 0) + "/"
                + (reply.containsKey("value") && !reply.get("value").isNull());
    }

    @Override
    public void close() {
        log.close();
        for (MemberListener m : members) {
            if (m != null) {
                m.close();
            }
        }
        if (replicator != null) {
            try {
                replicator.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Backend a = applied.get();
        if (a != null) {
            a.close();
        }
        committed.close();
    }
}
