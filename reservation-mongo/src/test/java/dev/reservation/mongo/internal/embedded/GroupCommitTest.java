package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writes share the embedded file's commits, and every acknowledged write is in the file:
 * sixteen writers, each acknowledged only after a commit that holds its write. (That an
 * acknowledged booking survives a kill -9 of the server process is the harness's
 * {@code EmbeddedProcessEndToEndIT}, with its lost-write checker.)
 */
class GroupCommitTest {
    static final int WRITERS = 16;
    static final int EACH = 60;

    @TempDir
    Path dataDir;

    @Test
    void sixteenConcurrentWritersShareCommitsAndEveryAcknowledgedWriteIsInTheFile() throws Exception {
        long writes;
        long commits;
        EmbeddedServer server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("gc").getCollection("docs");
            docs.insertOne(new Document("_id", "warm"));
            long commitsBefore = server.queryStats().commits();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < EACH; i++) {
                        docs.insertOne(new Document("_id", writer + "-" + i).append("w", writer));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            writes = WRITERS * EACH;
            commits = server.queryStats().commits() - commitsBefore;
            System.out.printf("%d acknowledged inserts from %d writers: %d commits%n", writes, WRITERS, commits);
        } finally {
            server.close();
        }
        assertThat(commits).as("commits for %d concurrent writes", writes).isPositive().isLessThan(writes);

        EmbeddedServer again = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
        try (MongoClient client = MongoClients.create(again.connectionString())) {
            assertThat(client.getDatabase("gc").getCollection("docs").countDocuments()).isEqualTo(writes + 1);
        } finally {
            again.close();
        }
    }
}
