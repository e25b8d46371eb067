package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's query planner against a reference: the same documents, index
 * definitions, writes and queries on the embedded server (indexes, lookups, ordered walks) and on
 * mongo-java-server's memory backend (which scans: no secondary indexes) must give the same
 * answers. Random documents of mixed types, arrays and missing fields; random filters with
 * equality, {@code $in}, ranges, {@code $and}, {@code $or}, {@code $ne}; random sorts (ending in
 * {@code _id}, so the order is total; by fields that hold no arrays), skips and limits; updates and
 * deletes in between.
 */
class EmbeddedQueryPlannerTest {
    @TempDir
    Path dataDir;
    private EmbeddedServer embedded;
    private MongoServer reference;
    private MongoClient embeddedClient;
    private MongoClient referenceClient;
    private MongoCollection<Document> tested;
    private MongoCollection<Document> expected;
    private final Random random = new Random(Long.getLong("planner.seed", 11));

    @BeforeEach
    void start() {
        embedded = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
        reference = new MongoServer(new MemoryBackend());
        embeddedClient = MongoClients.create(embedded.connectionString());
        referenceClient = MongoClients.create(reference.bindAndGetConnectionString());
        tested = embeddedClient.getDatabase("planner").getCollection("c");
        expected = referenceClient.getDatabase("planner").getCollection("c");
        for (MongoCollection<Document> c : List.of(tested, expected)) {
            c.createIndex(Indexes.ascending("a", "b"), new IndexOptions().name("a_b"));
            c.createIndex(Indexes.ascending("b", "_id"), new IndexOptions().name("b_id"));
            c.createIndex(Indexes.ascending("c"), new IndexOptions().name("c"));
            c.createIndex(Indexes.descending("n"), new IndexOptions().name("n_desc"));
            c.createIndex(Indexes.ascending("s"), new IndexOptions().name("s_sparse").sparse(true));
        }
    }

    @AfterEach
    void stop() {
        embeddedClient.close();
        referenceClient.close();
        embedded.close();
        reference.shutdownNow();
    }

    private static final List<Object> VALUES = Arrays.asList("x", "y", "", "xy", 1, 2L, 2.5, -1.0, true, false,
            new Date(1_900_000_000_000L), new Date(1_900_000_060_000L), new Date(1_899_999_000_000L), null);

    private Object value() {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    private Document randomDoc(int i) {
        Document d = new Document("_id", random.nextInt(5) == 0 ? (Object) i : "d" + i);
        for (String f : List.of("a", "b", "c", "n", "s")) {
            int kind = random.nextInt(9);
            if (kind == 0) {
                continue;
            } else if (kind == 1 && !f.equals("b") && !f.equals("n")) {
                // only in fields nothing sorts by: the server's comparator is not an order on arrays
                // (two empty arrays each sort before the other), so a sort by such a field depends on
                // the order documents are read in
                List<Object> list = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    list.add(value());
                }
                d.put(f, list);
            } else if (kind == 2) {
                d.put(f, new Document("k", value()));
            } else {
                d.put(f, value());
            }
        }
        return d;
    }

    private Bson condition(String f) {
        Object v = value();
        return switch (random.nextInt(7)) {
            case 0, 1 -> Filters.eq(f, v);
            case 2 -> Filters.in(f, v, value());
            case 3 -> v == null ? Filters.exists(f) : Filters.gt(f, v);
            case 4 -> v == null ? Filters.exists(f, false) : Filters.lte(f, v);
            case 5 -> v == null ? Filters.eq(f, "x") : Filters.and(Filters.gte(f, v), Filters.ne(f, "y"));
            default -> Filters.or(Filters.eq(f, v), Filters.eq(f, value()));
        };
    }

    private Bson randomFilter() {
        List<Bson> parts = new ArrayList<>();
        for (String f : List.of("a", "b", "c", "n", "s", "_id")) {
            if (random.nextInt(3) == 0) {
                parts.add(condition(f));
            }
        }
        return parts.isEmpty() ? new Document() : Filters.and(parts);
    }

    private Bson randomSort() {
        List<String> fields = new ArrayList<>(List.of("b", "n"));
        java.util.Collections.shuffle(fields, random);
        List<String> chosen = new ArrayList<>(fields.subList(0, random.nextInt(3)));
        chosen.add("_id");
        return random.nextBoolean() ? Sorts.ascending(chosen) : Sorts.descending(chosen);
    }

    private void insertBoth(List<Document> docs) {
        tested.insertMany(docs.stream().map(d -> new Document(d)).toList());
        expected.insertMany(docs.stream().map(d -> new Document(d)).toList());
    }

    @Test
    void answersRandomFiltersSortsAndLimitsAsTheScanningReferenceDoes() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            docs.add(randomDoc(i));
        }
        insertBoth(docs);
        int compared = 0;
        for (int round = 0; round < 8; round++) {
            for (int q = 0; q < 60; q++) {
                Bson filter = randomFilter();
                if (random.nextBoolean()) {
                    Bson sort = randomSort();
                    int skip = random.nextInt(3) == 0 ? random.nextInt(20) : 0;
                    int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(40);
                    List<Object> got = ids(tested.find(filter).sort(sort).skip(skip).limit(limit));
                    List<Object> want = ids(expected.find(filter).sort(sort).skip(skip).limit(limit));
                    assertThat(got).as("find(%s).sort(%s).skip(%d).limit(%d): %s", filter, sort, skip, limit,
                            differing(got, want)).isEqualTo(want);
                } else {
                    Set<Object> got = new HashSet<>(ids(tested.find(filter)));
                    Set<Object> want = new HashSet<>(ids(expected.find(filter)));
                    Set<Object> missing = new HashSet<>(want);
                    missing.removeAll(got);
                    Set<Object> extra = new HashSet<>(got);
                    extra.removeAll(want);
                    assertThat(got).as("find(%s): missing %s, extra %s; e.g. %s", filter, missing, extra,
                            missing.isEmpty() ? null : expected.find(Filters.eq("_id", missing.iterator().next())).first())
                            .isEqualTo(want);
                }
                compared++;
            }
            mutateBoth(round);
        }
        assertThat(compared).isEqualTo(480);
        assertThat(embedded.queryStats().lookups() + embedded.queryStats().walks()).isGreaterThan(100);
    }

    /** Updates (fields set, unset, set to arrays) and deletes, the same on both. */
    private void mutateBoth(int round) {
        for (int k = 0; k < 40; k++) {
            Bson filter = randomFilter();
            Bson update = switch (random.nextInt(4)) {
                case 0 -> Updates.set("a", value());
                case 1 -> Updates.unset("c");
                case 2 -> Updates.set("c", Arrays.asList(value(), value()));
                default -> Updates.set("s", value());
            };
            if (random.nextBoolean()) {
                tested.updateMany(filter, update);
                expected.updateMany(filter, update);
            } else { // one document: by _id, as "the first match" depends on the order documents are read in
                Bson one = Filters.eq("_id", random.nextBoolean() ? "d" + random.nextInt(600) : random.nextInt(600));
                tested.updateOne(one, update);
                expected.updateOne(one, update);
            }
        }
        Bson gone = Filters.eq("b", value());
        tested.deleteMany(gone);
        expected.deleteMany(gone);
        List<Document> more = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            more.add(randomDoc(10_000 + round * 100 + i));
        }
        insertBoth(more);
        assertThat(tested.countDocuments()).isEqualTo(expected.countDocuments());
    }

    private List<Document> differing(List<Object> got, List<Object> want) {
        for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
            if (!got.get(i).equals(want.get(i))) {
                return List.of(expected.find(Filters.eq("_id", got.get(i))).first(),
                        expected.find(Filters.eq("_id", want.get(i))).first());
            }
        }
        return List.of();
    }

    private static List<Object> ids(FindIterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        for (Document d : found) {
            ids.add(d.get("_id"));
        }
        return ids;
    }

    @Test
    void keyLookupsServeTheIdInsideAndAndReadOnlyThatDocument() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            docs.add(new Document("_id", "k" + i).append("claims", List.of(new Document("start", i))).append("v", i % 7));
        }
        tested.insertMany(docs);
        long before = embedded.queryStats().examined();
        long scans = embedded.queryStats().scans();
        tested.updateOne(Filters.and(Filters.eq("_id", "k77"),
                Filters.not(Filters.elemMatch("claims", Filters.gt("start", 1_000)))), Updates.set("touched", true));
        assertThat(tested.find(Filters.and(Filters.eq("_id", "k77"), Filters.eq("v", 0))).first()).isNotNull();
        assertThat(tested.find(Filters.and(Filters.in("_id", List.of("k1", "k2", "nope")), Filters.exists("v")))
                .into(new ArrayList<>())).hasSize(2);
        assertThat(tested.find(new Document("_id", "k78").append("touched", true)).first()).isNull();
        assertThat(embedded.queryStats().scans()).isEqualTo(scans);
        assertThat(embedded.queryStats().examined() - before).isLessThanOrEqualTo(6);
        assertThat(tested.find(Filters.eq("_id", "k77")).first().getBoolean("touched")).isTrue();
        Set<Object> regex = new HashSet<>(ids(tested.find(Filters.regex("_id", "^k199"))));
        assertThat(regex).hasSize(11); // k199, k1990..k1999: a regular expression still scans
    }
}
