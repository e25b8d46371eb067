package dev.reservation.mongo.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) on a free loopback
 * port, and stores opened against it, each on a fresh database unless told otherwise. Closes what
 * it opened. Not thread-safe (tests use it from one thread).
 */
public final class InProcessMongo implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final String uri;
    private final List<MongoStores> opened = new ArrayList<>();

    public InProcessMongo() {
        this(Clock.systemUTC());
    }

    /** A server whose own clock ({@code $currentDate}, {@code localTime}) is {@code serverClock}. */
    public InProcessMongo(Clock serverClock) {
        server = new MongoServer(new MemoryBackend(serverClock));
        uri = server.bindAndGetConnectionString();
    }

    public String uri() {
        return uri;
    }

    public StoreOptions options(String database) {
        return StoreOptions.uri(uri).withDatabase(database).withPrimaryWait(Duration.ofSeconds(2));
    }

    public static String freshDatabase() {
        return "test" + DATABASES.incrementAndGet();
    }

    /** A store on a fresh database. */
    public MongoStores open() {
        return open(freshDatabase(), Clock.systemUTC());
    }

    public MongoStores open(String database, Clock clock) {
        MongoStores stores = MongoStores.open(options(database), clock);
        opened.add(stores);
        return stores;
    }

    /** Closes the stores opened so far (the server keeps running). */
    public void closeStores() {
        opened.forEach(MongoStores::close);
        opened.clear();
    }

    /** Stops the server abruptly, as a crash would; stores opened on it stay open. */
    public void stopServer() {
        server.shutdownNow();
    }

    @Override
    public void close() {
        closeStores();
        server.shutdownNow();
    }

    public static Path unusedPath() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
