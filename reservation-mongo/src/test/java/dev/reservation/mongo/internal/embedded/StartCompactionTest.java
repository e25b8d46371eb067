package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compaction at start of the embedded store's file ({@code DurableH2Backend#compactAtStart})
 * rewrites a sparse file until it is dense, however small a step is against the file: on a 2 GB
 * file a 2 MB step raises the live share by a tenth of a percent, which MVStore reports in whole
 * percent. The same proportion is made here at a small scale: a file of some megabytes whose chunks
 * are about half garbage, compacted in steps far smaller than the file. (The file is written through
 * the server, so that the backend opens its maps at start: MVStore rewrites only pages of open maps.)
 */
class StartCompactionTest {
    private static final int DOCUMENTS = 6_000;

    @TempDir
    Path dir;

    /**
     * A data dir whose file's chunks are mostly garbage. The documents go in through the server (so
     * that the backend opens their maps at start: MVStore rewrites only pages of open maps); then,
     * with the server stopped and so no compaction running, a random half of them is written again
     * unchanged straight into the collection's MVStore map, {@code perCommit} to a commit. Each such
     * write replaces a leaf page, so the chunks the documents were in become sparse, while the data
     * and its indexes stay as they were.
     */
    private static void writeSparseFile(Path dataDir, int perCommit) {
        writeSparseFile(dataDir, DOCUMENTS, false, perCommit);
    }

    /**
     * As {@link #writeSparseFile(Path, int)}, for {@code documents} documents; with
     * {@code oneBigChunk}, every document is first written again in a single commit, so that one
     * chunk holds them all before every other run of a thousand keys is written again.
     */
    private static void writeSparseFile(Path dataDir, int documents, boolean oneBigChunk, int perCommit) {
        SplittableRandom random = new SplittableRandom(11);
        try (EmbeddedServer server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("sparse").getCollection("docs");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", i).append("text", value(random)));
                if (batch.size() == 500) {
                    docs.insertMany(batch);
                    batch.clear();
                }
            }
        }
        MVStore store = DurableH2Backend.openStore(dataDir.resolve(EmbeddedServer.DATA_FILE).toString());
        store.setRetentionTime(0);
        store.setVersionsToKeep(0);
        MVMap.Builder<Object, Object> builder = new MVMap.Builder<Object, Object>().valueType(DocumentDataType.INSTANCE);
        MVMap<Object, Object> data = store.openMap("databases.sparse.docs", builder);
        assertThat(data.size()).isEqualTo(documents);
        List<Object> keys = new ArrayList<>(data.keySet());
        if (oneBigChunk) {
            for (Object key : keys) {
                data.put(key, data.get(key));
            }
            store.commit();
        }
        int written = 0;
        int k = 0;
        for (Object key : keys) {
            // for the big chunk, runs of a thousand keys (many whole leaf pages) so that half of it
            // stays live; a random half of the keys would replace nearly every leaf page
            if (oneBigChunk ? (k++ / 1000) % 2 == 0 : random.nextBoolean()) {
                data.put(key, data.get(key));
                if (++written % perCommit == 0) {
                    store.commit();
                }
            }
        }
        store.close(); // closes without compacting (MVStore#close compacts for 0 ms)
    }

    /** 600 characters that LZF cannot shrink much, so the file's size is the data's. */
    private static String value(SplittableRandom random) {
        StringBuilder b = new StringBuilder(600);
        for (int i = 0; i < 600; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    /** Writes the file, starts a backend on it with {@code stepBytes} steps, and checks the result. */
    private void compactsAtStart(int perCommit, int stepBytes) {
        compactsAtStart(DOCUMENTS, false, perCommit, stepBytes);
    }

    private void compactsAtStart(int documents, boolean oneBigChunk, int perCommit, int stepBytes) {
        Path dataDir = dir.resolve("sparse-" + perCommit);
        writeSparseFile(dataDir, documents, oneBigChunk, perCommit);
        String fileName = dataDir.resolve(EmbeddedServer.DATA_FILE).toString();
        MVStore before = DurableH2Backend.openStore(fileName);
        int fillBefore = before.getFileStore().getChunksFillRate();
        long sizeBefore = before.getFileStore().size();
        before.close();
        assertThat(fillBefore).as("the file is sparse to begin with").isLessThan(60);

        DurableH2Backend backend = new DurableH2Backend(fileName, stepBytes);
        try {
            MVStore store = backend.getMvStore();
            System.out.printf("start compaction: %,d bytes at %d%% live -> %,d bytes at %d%% live in %d steps%n",
                    sizeBefore, fillBefore, store.getFileStore().size(), store.getFileStore().getChunksFillRate(),
                    backend.startCompactionSteps());
            assertThat(store.getFileStore().getChunksFillRate()).isGreaterThanOrEqualTo(75);
            assertThat(store.getFileStore().size()).isLessThan(sizeBefore * 3 / 4);
            // and bounded: at most four times the file's size in steps of stepBytes
            assertThat(backend.startCompactionSteps()).isLessThanOrEqualTo((int) (4 * sizeBefore / stepBytes) + 1);
        } finally {
            backend.close();
        }
    }

    @Test
    void aSparseFileIsCompactedAtStartEvenWhenOneStepMovesItsLiveShareByLessThanAPercent() {
        // chunks of a few leaf pages, steps of 16 KB: well under 1 % of the file
        compactsAtStart(2, 16 * 1024);
    }

    @Test
    void chunksLargerThanAStepAreCompactedToo() {
        // chunks of some hundred leaf pages: MVStore rewrites no chunk whose live pages exceed the step
        compactsAtStart(300, 4096);
    }

    @Test
    void aSparseChunkWhoseLivePagesExceedTheLargestStepDoesNotStopTheCompaction() {
        // one chunk of ~10 MB, half of it live afterwards: more than the largest step (4 MB). MVStore
        // picks the sparsest chunks that fit in a step, so it never picks this one; at 10^6
        // reservations such a chunk (4.2 MB live, a bulk load's) left the file at 35 % live
        compactsAtStart(16_000, true, 8, 2 << 20);
    }
}
