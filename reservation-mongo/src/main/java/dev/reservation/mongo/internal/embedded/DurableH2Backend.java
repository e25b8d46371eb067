package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 MVStore file backend: a write command is acknowledged only after a commit that holds it.
 * MVStore on its own commits in the background about once a second, so a process killed with
 * SIGKILL could lose writes it had already acknowledged; committing first makes an acknowledged
 * write survive the death of the process (it is in the operating system's file cache). Concurrent
 * writes share commits (group commit, {@link #awaitCommitAfter}): a commit writes every page changed
 * since the last one, so one commit for sixteen bookings costs little more than one for one. It does not
 * fsync, so it does not survive a power loss: the embedded server is for trying things out.
 *
 * <p>Only these commits write the file: the store is opened with MVStore's own auto-commits off
 * (the background one and the one when unsaved changes grow), and a commit waits until no write
 * command is half-applied (write commands share a lock a commit takes exclusively). So the file
 * always holds the state between whole commands, in which every index (see
 * {@link EmbeddedDatabase}) agrees with the documents, whenever the process dies.
 *
 * <p>Space: every commit appends a chunk holding each page it changed (MVStore never overwrites a
 * live page), so the file grows by every write and the pages it replaced are garbage; one booking
 * makes some tens of KB of it. With MVStore's background housekeeping off, this class reclaims it
 * as fast as it is made: at start the file is compacted ({@link #compactAtStart}: sparse chunks
 * rewritten, live chunks moved together, the file cut; bounded by {@link #START_COMPACTION_MILLIS});
 * while running, a maintenance thread rewrites the live pages of sparse chunks ({@code compact})
 * every {@link #MAINTENANCE_EVERY} and after every {@link #COMMITS_PER_COMPACTION} commits,
 * whenever less than {@link #COMPACT_BELOW_FILL}% of the chunks' space is live, under the commit
 * lock (compaction commits), and the space of a chunk nothing uses any more is reused by the next
 * commit. That is
 * safe for readers because every command, reads included, registers the version it works on for
 * its duration ({@code registerVersionUsage}): MVStore frees no chunk a registered version still
 * uses, so no time-based retention is needed (MVStore's own 45 s default guards unflushed disk
 * buffers at a power loss, which this backend does not promise to survive). Measured by
 * {@code EmbeddedFileGrowthTest}: with a 10 s retention and 1 MB per 2 s of compaction, 1,500
 * bookings grew the file by ~100 KB each. Pages are compressed (LZF).
 * Thread-safe as H2Backend is; commits and compactions are serialized.
 */
final class DurableH2Backend extends H2Backend {
    private static final Logger LOG = LoggerFactory.getLogger(DurableH2Backend.class);
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "create", "drop", "dropindexes", "dropdatabase", "renamecollection");

    /** Whole-file compaction at start, at most this long. */
    static final int START_COMPACTION_MILLIS = 60_000;
    /** Compact while running when the chunks' live share drops below this (percent). */
    static final int COMPACT_BELOW_FILL = 50;
    /** What a compaction aims for (percent of the chunks' space live). */
    static final int COMPACT_TARGET_FILL = 80;
    /** Bytes of live pages one step of the compaction at start rewrites (and commits) at most. */
    static final int START_STEP_BYTES = 2 << 20;
    /**
     * The largest step the compaction at start grows to as a rule, past which it goes only where a
     * large chunk is in the way ({@link #escapeStepLimit()}; a step's rewrite is held in the heap until
     * its commit: with a 256 MB heap, 16 MB steps ran out of memory at 10^5 reservations).
     */
    static final int MAX_START_STEP_BYTES = 4 << 20;
    /**
     * Bytes of live pages a compaction step rewrites at most (MVStore picks the sparsest chunks
     * whose live pages fit in it, so a chunk with more live pages than this is not rewritten by it:
     * where it finds nothing, {@code compactStep} tries larger ones); one step per maintenance round.
     */
    static final int COMPACT_STEP_BYTES = 4 << 20;
    /**
     * Where a step of the largest size finds nothing, steps twice as large and larger are tried, up
     * to a 32nd of the heap (8 MB with the web app's 256 MB): MVStore picks the chunks to rewrite
     * greedily, most desirable first, among those whose live pages fit in the step, and when the
     * most desirable chunk's live pages alone exceed it the choice comes out empty, so no other
     * chunk is rewritten either. At 10^6 reservations one chunk of a bulk load with 4,234,368
     * live bytes so left the file at 35 % live (StartCompactionTest).
     */
    static int escapeStepLimit() {
        return (int) Math.max(2L * MAX_START_STEP_BYTES, Math.min(1 << 30, Runtime.getRuntime().maxMemory() / 32));
    }
    /**
     * Steps in a row that may find nothing, while the chunks are still sparse, before the compaction
     * at start gives up: right after a commit MVStore may not yet have accounted the pages it freed,
     * and then picks the chunks just rewritten again and finds nothing live in them.
     */
    static final int START_MISSES = 20;
    /** Freed chunks' space is reused by the next commit; readers are protected by their registered version. */
    static final int RETENTION_MILLIS = 0;
    static final Duration MAINTENANCE_EVERY = Duration.ofMillis(500);
    /**
     * Commits after which a compaction step is also asked for, between the timed ones: a burst of
     * bookings makes garbage faster than a timer looks at it (one commit makes some tens of KB).
     */
    static final int COMMITS_PER_COMPACTION = 16;

    /** Fair: a commit or compaction waiting for it goes before write commands that came later, and back to back compaction steps never starve a commit. */
    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock(true);
    private final ScheduledExecutorService maintenance;
    /** Guards the group commit's counters (see {@link #awaitCommitAfter}). */
    private final Object groupCommit = new Object();
    private long commitsBegun;
    private long commitsEnded;
    private boolean committing;
    private boolean lastCommitSucceeded = true;
    private final AtomicInteger commitsSinceCompaction = new AtomicInteger();
    private final AtomicBoolean compactionAsked = new AtomicBoolean();
    private final LongAdder compactions = new LongAdder();
    private final LongAdder compactionNanos = new LongAdder();
    private volatile long longestCompactionNanos;
    /**
     * Created on first use: the superclass constructor opens the databases already in the file
     * (through {@link #openOrCreateDatabase}) before this class's field initializers would run.
     */
    private QueryStats stats;
    /** Steps the compaction at start took. */
    private int startSteps;

    DurableH2Backend(String fileName) {
        this(fileName, START_STEP_BYTES);
    }

    /** With the compaction at start rewriting {@code startStepBytes} per step (a test's small file needs small steps). */
    DurableH2Backend(String fileName, int startStepBytes) {
        super(openStore(fileName));
        commitWhole(); // what opening built (indexes of a file written before) is kept
        MVStore store = getMvStore();
        store.setRetentionTime(RETENTION_MILLIS);
        store.setVersionsToKeep(0); // no unregistered reader needs an old version (see handleMessage)
        long t0 = System.nanoTime();
        long before = store.getFileStore().size();
        compactAtStart(store, startStepBytes);
        LOG.info("compacted {} from {} to {} bytes in {} ms", fileName, before, store.getFileStore().size(),
                (System.nanoTime() - t0) / 1_000_000);
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-store-compaction");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::compactIfSparse, MAINTENANCE_EVERY.toMillis(),
                MAINTENANCE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Compaction at start, before anything is served: the live pages of sparse chunks are rewritten
     * a step at a time, each step committed before the next, then the chunks are moved together and
     * the file is cut. (MVStore's own {@code compactFile} rewrites without committing in between, so
     * the whole rewrite was held in the heap: a 256 MB heap ran out of memory at 10^5 reservations,
     * and 16 MB steps still did; and it moves chunks only while its rewrite finds sparse chunks, so
     * a file already dense in chunks but full of free space was never cut.)
     */
    private void compactAtStart(MVStore store, int stepBytes) {
        long stopAt = System.nanoTime() + START_COMPACTION_MILLIS * 1_000_000L;
        // A step that does not raise the chunks' live share doubles the next one (up to
        // MAX_START_STEP_BYTES as a rule, past it up to escapeStepLimit() where a large chunk is in
        // the way), and the whole is bounded by four times the file's size in steps:
        // a step rewrites at most its size of live pages (MVStore picks the sparsest chunks whose
        // live pages fit in it) and adds its own commit's pages. MVStore gives the share in whole
        // percent, so on a 2 GB file a 2 MB step moves it by a tenth of a percent: stopping at
        // the first step that did not raise it, as for a while, left such a file sparse after one
        // step. On a small file each step's own commit can leave garbage enough to keep the share
        // under the target however often it repeats (one start of a 10^4-reservation file spent
        // the whole 60 s limit so); the budget ends that after a few steps.
        long budget = 4 * store.getFileStore().size();
        long rewritten = 0;
        int step = stepBytes;
        int steps = 0;
        int fill = store.getFileStore().getChunksFillRate();
        int misses = 0;
        int limit = escapeStepLimit();
        while (rewritten < budget && System.nanoTime() - stopAt < 0) {
            if (store.compact(COMPACT_TARGET_FILL, step)) {
                commitWhole();
                steps++;
                misses = 0;
                rewritten += step;
                int now = store.getFileStore().getChunksFillRate();
                if (now <= fill) {
                    step = Math.min(2 * step, limit);
                } else if (step > MAX_START_STEP_BYTES) {
                    step = MAX_START_STEP_BYTES; // a larger step got past a large chunk: back to the usual size
                }
                fill = Math.max(fill, now);
            } else if (store.getFileStore().getChunksFillRate() >= COMPACT_TARGET_FILL) {
                break;
            } else if (step < limit) {
                // MVStore rewrites no chunk whose live pages exceed the step: one commit of a bulk
                // load can make a chunk of many megabytes
                step = Math.min(2 * step, limit);
            } else if (++misses >= START_MISSES) {
                break;
            } else {
                LockSupport.parkNanos(5_000_000); // let MVStore account the last commit's freed pages
            }
        }
        startSteps = steps;
        if (store.getFileStore() instanceof RandomAccessStore file) {
            file.compactMoveChunks(100, Long.MAX_VALUE, store);
            commitWhole();
        }
    }

    int startCompactionSteps() {
        return startSteps;
    }

    static MVStore openStore(String fileName) {
        return new MVStore.Builder().fileName(fileName).autoCommitDisabled().autoCommitBufferSize(0).compress()
                .autoCompactFillRate(COMPACT_BELOW_FILL).open();
    }

    /** Asks the maintenance thread for a compaction step now, unless one is already asked for. */
    private void askForCompaction() {
        if (maintenance != null && compactionAsked.compareAndSet(false, true)) {
            try {
                maintenance.execute(this::compactIfSparse);
            } catch (RejectedExecutionException closing) {
                compactionAsked.set(false);
            }
        }
    }

    /** One step of rewriting the live pages of sparse chunks, when the chunks are mostly garbage. */
    private void compactIfSparse() {
        compactionAsked.set(false);
        commitsSinceCompaction.set(0);
        MVStore store = getMvStore();
        try {
            if (store.isClosed() || store.getFileStore().getChunksFillRate() >= COMPACT_BELOW_FILL) {
                return;
            }
            commits.writeLock().lock();
            try {
                long t0 = System.nanoTime();
                if (!store.isClosed() && compactStep(store, COMPACT_STEP_BYTES) > 0) {
                    commit();
                    long took = System.nanoTime() - t0;
                    compactions.increment();
                    compactionNanos.add(took);
                    longestCompactionNanos = Math.max(longestCompactionNanos, took);
                }
            } finally {
                commits.writeLock().unlock();
            }
        } catch (RuntimeException e) {
            LOG.warn("compacting the embedded store failed (it is retried): {}", e.toString());
        }
    }

    /**
     * One compaction step of {@code stepBytes}, or where it finds nothing, of twice as many and more
     * up to {@link #escapeStepLimit()}; returns the size of the step that rewrote something, 0 if
     * none did.
     */
    private static int compactStep(MVStore store, int stepBytes) {
        for (int step = stepBytes; step <= Math.max(stepBytes, escapeStepLimit()); step *= 2) {
            if (store.compact(COMPACT_TARGET_FILL, step)) {
                return step;
            }
            if (step > Integer.MAX_VALUE / 2) {
                break;
            }
        }
        return 0;
    }

    /** Compaction steps since start, their total and their longest duration (ms). */
    String compactionSummary() {
        MVStore store = getMvStore();
        return compactions.sum() + " steps, " + compactionNanos.sum() / 1_000_000 + " ms, longest "
                + longestCompactionNanos / 1_000_000 + " ms" + (store.isClosed() ? "" : "; fill " + store.getFillRate()
                + "%, chunks fill " + store.getFileStore().getChunksFillRate() + "%");
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return EmbeddedDatabase.open(databaseName, getMvStore(), getCursorRegistry(), stats());
    }

    synchronized QueryStats stats() {
        if (stats == null) {
            stats = new QueryStats();
        }
        return stats;
    }

    /**
     * Every command of driver 5 arrives as OP_MSG; its first key names the command. The command
     * holds on to the store version it starts on until it ends, so no chunk it may read is freed
     * and overwritten under it (see the class comment: there is no retention time).
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        MVStore store = getMvStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return handle(message);
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    private Document handle(MongoMessage message) {
        String command = message.getDocument().keySet().stream().findFirst().orElse("");
        stats().command(command, message.getDocument().get(command));
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleMessage(message);
        }
        Document result;
        long commitsBegun;
        commits.readLock().lock();
        try {
            result = super.handleMessage(message);
        } finally {
            commits.readLock().unlock();
        }
        synchronized (groupCommit) {
            commitsBegun = this.commitsBegun;
        }
        awaitCommitAfter(commitsBegun);
        return result;
    }

    /**
     * Group commit: returns once a commit that began after the caller's write was applied has
     * ended. A commit takes the lock that write commands share, exclusively, so one that begins
     * after a write was applied holds it. The first writer to arrive while no commit runs commits
     * for everybody whose write is applied by then; writers that arrive during that commit wait for
     * it and share the next one. Under concurrent bookings one commit serves many write commands;
     * alone, a write still waits for exactly one commit of its own.
     */
    private void awaitCommitAfter(long begunBefore) {
        long needed = begunBefore + 1; // a commit numbered from this on began after the write
        boolean lead;
        synchronized (groupCommit) {
            while (true) {
                if (commitsEnded >= needed) {
                    return;
                }
                if (!committing) {
                    committing = true;
                    lead = true;
                    break;
                }
                try {
                    groupCommit.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the commit of a write", e);
                }
            }
        }
        long number = 0;
        try {
            commits.writeLock().lock();
            try {
                synchronized (groupCommit) {
                    number = ++commitsBegun;
                }
                commitOnce();
            } finally {
                commits.writeLock().unlock();
            }
        } finally {
            synchronized (groupCommit) {
                committing = false;
                if (number > 0 && commitsEnded < number && lastCommitSucceeded) {
                    commitsEnded = number;
                }
                lastCommitSucceeded = true;
                groupCommit.notifyAll();
            }
        }
    }

    private void commitOnce() {
        try {
            commit();
            stats().commits.increment();
            if (commitsSinceCompaction.incrementAndGet() >= COMMITS_PER_COMPACTION) {
                askForCompaction();
            }
        } catch (RuntimeException e) {
            synchronized (groupCommit) {
                lastCommitSucceeded = false; // nobody is told "written"; the next writer commits again
            }
            throw e;
        }
    }

    /** Commits once no write command is under way, so the commit holds only whole commands. */
    void commitWhole() {
        commits.writeLock().lock();
        try {
            commit();
            stats().commits.increment();
        } finally {
            commits.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        try {
            maintenance.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commits.writeLock().lock();
        try {
            super.close();
        } finally {
            commits.writeLock().unlock();
        }
    }
}
