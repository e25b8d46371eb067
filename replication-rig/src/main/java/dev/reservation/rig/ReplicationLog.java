package dev.reservation.rig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;

/**
 * The rig's oplog: every write applied to the <em>applied</em> backend, in the order it was
 * applied, and the commit point (how many of them the <em>committed</em> backend has replayed).
 * Timestamps ({@code ts}) grow by one per entry and are never reused, not even after a rollback,
 * so they serve as the cluster time. Waiting for the commit point, pausing the replicator and
 * rolling back the uncommitted suffix all happen under this object's monitor. Thread-safe.
 */
final class ReplicationLog {
    /**
     * One replicated write: its timestamp, database, the command as the backends run it (null for
     * a no-op entry), the reply the applied backend gave, when it was applied and when the
     * (lagging) replicator may replay it.
     */
    record Entry(long ts, String db, BsonDocument command, BsonDocument appliedReply, Instant at, long releaseAtNanos) {
    }

    /** How a wait for the commit point ended. */
    enum Wait { COMMITTED, TIMED_OUT, INTERRUPTED, CLOSED }

    private final List<Entry> entries = new ArrayList<>();
    private final Instant startedAt;
    private int committed;
    private long nextTs;
    private long committedTs;
    private Instant committedAt;
    private long lastReleaseNanos;
    private long lagMinNanos;
    private long lagMaxNanos;
    private boolean paused;
    private boolean closed;
    private long interruptions;

    ReplicationLog(Instant startedAt) {
        this.startedAt = startedAt;
        this.committedAt = startedAt;
    }

    synchronized Entry append(String db, BsonDocument command, BsonDocument appliedReply, Instant at) {
        long now = System.nanoTime();
        long lag = lagMinNanos + (lagMaxNanos > lagMinNanos
                ? ThreadLocalRandom.current().nextLong(lagMaxNanos - lagMinNanos + 1) : 0);
        lastReleaseNanos = Math.max(lastReleaseNanos, now + lag);
        Entry e = new Entry(++nextTs, db, command, appliedReply, at, lastReleaseNanos);
        entries.add(e);
        notifyAll();
        return e;
    }

    /**
     * Appends the no-op entry a newly elected primary writes (mongod logs "new primary"): its
     * timestamp is above every rolled-back one, so waits for "everything so far" can complete.
     */
    synchronized Entry appendNoop(Instant at) {
        return append("admin", null, null, at);
    }

    /** The newest timestamp handed out (applied), or 0 before the first write. */
    synchronized long lastTs() {
        return nextTs;
    }

    synchronized long committedTs() {
        return committedTs;
    }

    synchronized Instant lastWriteAt() {
        return entries.size() > committed ? entries.get(entries.size() - 1).at() : committedAt;
    }

    synchronized Instant committedAt() {
        return committedAt;
    }

    synchronized int pending() {
        return entries.size() - committed;
    }

    synchronized void lag(long minNanos, long maxNanos) {
        lagMinNanos = minNanos;
        lagMaxNanos = Math.max(minNanos, maxNanos);
    }

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized boolean paused() {
        return paused;
    }

    /** The next entry to replay once it is due and replication is not paused; null once closed. */
    synchronized Entry awaitNextToReplicate() throws InterruptedException {
        while (!closed) {
            if (!paused && committed < entries.size()) {
                Entry next = entries.get(committed);
                long wait = next.releaseAtNanos() - System.nanoTime();
                if (wait <= 0) {
                    return next;
                }
                TimeUnit.NANOSECONDS.timedWait(this, wait);
            } else {
                wait();
            }
        }
        return null;
    }

    /** True while {@code e} is the oldest uncommitted entry (a rollback removes it). */
    synchronized boolean isNext(Entry e) {
        return committed < entries.size() && entries.get(committed) == e;
    }

    synchronized void markCommitted(Entry e) {
        if (!isNext(e)) {
            throw new IllegalStateException("entry " + e.ts() + " is not the next to commit");
        }
        committed++;
        committedTs = e.ts();
        committedAt = e.at();
        notifyAll();
    }

    /**
     * Waits until the commit point reaches {@code ts}; {@code timeoutNanos <= 0} waits without a
     * bound. A step-down ({@link #interruptWaiters}) ends every wait in progress.
     */
    synchronized Wait awaitCommitted(long ts, long timeoutNanos) {
        long generation = interruptions;
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            while (committedTs < ts) {
                if (closed) {
                    return Wait.CLOSED;
                }
                if (interruptions != generation) {
                    return Wait.INTERRUPTED;
                }
                if (timeoutNanos <= 0) {
                    wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Wait.TIMED_OUT;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
            return Wait.COMMITTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Wait.INTERRUPTED;
        }
    }

    synchronized void interruptWaiters() {
        interruptions++;
        notifyAll();
    }

    /** The committed entries, oldest first: replaying them rebuilds the committed state. */
    synchronized List<Entry> committedEntries() {
        return List.copyOf(entries.subList(0, committed));
    }

    /** Drops the uncommitted suffix (a rollback) and returns it, oldest first. */
    synchronized List<Entry> rollBack() {
        List<Entry> suffix = List.copyOf(entries.subList(committed, entries.size()));
        entries.subList(committed, entries.size()).clear();
        lastReleaseNanos = System.nanoTime();
        interruptions++; // a waiter whose entry was undone must not see a later commit as its own
        notifyAll();
        return suffix;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    Instant startedAt() {
        return startedAt;
    }
}
