package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.MongoServer;
import dev.reservation.core.domain.StoreUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

/**
 * The embedded single-node server that owns a data directory: an in-process MongoDB wire-protocol
 * server (mongo-java-server) over an H2 MVStore file, bound to 127.0.0.1. Ownership is an exclusive
 * OS file lock on {@code owner.lock}, held for the server's life and released by the OS when the
 * process dies (even by SIGKILL), so a stale discovery file never blocks a new owner. No
 * replication, no transactions: for trying things out. Thread-safe; {@link #close} is idempotent.
 */
public final class EmbeddedServer implements AutoCloseable {
    static final String LOCK_FILE = "owner.lock";
    static final String DATA_FILE = "reservations.mv";
    /**
     * The wire server's event-loop threads (Netty's default is two per core). A command runs on its
     * connection's loop and a write waits there for the commit that holds it, so with few loops one
     * waiting write held up every connection of its loop and few writes could share a commit; with
     * one loop per connection a client's pool of sixteen keeps sixteen commands under way.
     */
    static final int WORKER_THREADS = 32;

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final DurableH2Backend backend;
    private final MongoServer server;
    private final int port;
    private boolean closed;

    private EmbeddedServer(Path dataDir, FileChannel lockChannel, FileLock lock, DurableH2Backend backend,
                           MongoServer server, int port) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.backend = backend;
        this.server = server;
        this.port = port;
    }

    /**
     * Becomes the owner of {@code dataDir} and serves it on {@code port} (0: a free port), or returns
     * empty when another process (or another owner in this JVM) already owns it.
     */
    public static Optional<EmbeddedServer> tryStart(Path dataDir, int port, Clock clock) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            DurableH2Backend backend = new DurableH2Backend(dataDir.resolve(DATA_FILE).toString());
            MongoServer server = new MongoServer(backend);
            try {
                server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
            } catch (RuntimeException e) {
                backend.close();
                throw e;
            }
            InetSocketAddress address = server.getLocalAddress();
            new DiscoveryFile(address.getPort(), ProcessHandle.current().pid(), clock.instant()).write(dataDir);
            return Optional.of(new EmbeddedServer(dataDir, channel, lock, backend, server, address.getPort()));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new StoreUnavailableException("cannot start the embedded store in " + dataDir + ": " + e.getMessage()
                    + " (is the directory writable, and is the port free?)", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM owns it already
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** How the server has answered queries since it started (documents read, lookups, walks, scans). */
    public QueryStats queryStats() {
        return backend.stats();
    }

    /** The maintenance thread's compaction steps so far: how many, how long in all, the longest. */
    public String compactionSummary() {
        return backend.compactionSummary();
    }

    /** Stops serving, flushes the data file, removes the discovery file and releases ownership. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdownNow();
        } finally {
            try {
                backend.close();
            } finally {
                DiscoveryFile.read(dataDir).filter(d -> d.pid() == ProcessHandle.current().pid() && d.port() == port)
                        .ifPresent(d -> DiscoveryFile.delete(dataDir));
                try {
                    lock.release();
                } catch (IOException e) {
                    // closing the channel below releases it as well
                }
                closeQuietly(lockChannel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
