package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.CannotIndexParallelArraysError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The non-unique index on its own, over an in-memory MVStore map. */
class SecondaryIndexTest {
    private static final Instant T0 = Instant.parse("2031-03-01T08:00:00Z");
    private final MVStore store = MVStore.open(null);

    @AfterEach
    void close() {
        store.close();
    }

    private SecondaryIndex index(boolean sparse, String... fields) {
        List<IndexKey> keys = new ArrayList<>();
        for (String f : fields) {
            keys.add(new IndexKey(f, true));
        }
        MVMap<String, Object> map = store.openMap("i" + store.getMapNames().size());
        return new SecondaryIndex("test", keys, sparse, map);
    }

    private static Document doc(String id, Object... fieldsAndValues) {
        Document d = new Document("_id", id);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            d.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return d;
    }

    private static Set<Object> positions(SecondaryIndex index, Document query) {
        assertThat(index.canHandle(query)).as("can handle %s", query).isTrue();
        Set<Object> found = new LinkedHashSet<>();
        index.getPositions(query).forEach(found::add);
        return found;
    }

    private static int entries(SecondaryIndex index) {
        int[] n = {0};
        index.forEachEntry((k, v) -> n[0]++);
        return n[0];
    }

    private static void add(SecondaryIndex index, Document d) {
        index.checkAdd(d, null);
        index.add(d, d.get("_id"), null);
    }

    @Test
    void findsByEqualityAndInOnTheLeadingFieldsOfACompoundIndex() {
        SecondaryIndex index = index(false, "roomId", "start");
        add(index, doc("a", "roomId", "r1", "start", T0));
        add(index, doc("b", "roomId", "r1", "start", T0.plusSeconds(3600)));
        add(index, doc("c", "roomId", "r2", "start", T0));

        assertThat(positions(index, new Document("roomId", "r1"))).containsExactly("a", "b");
        assertThat(positions(index, new Document("roomId", "r1").append("start", T0))).containsExactly("a");
        assertThat(positions(index, new Document("roomId", new Document("$in", List.of("r2", "r1")))))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(positions(index, new Document("$and", List.of(new Document("roomId", "r2"),
                new Document("title", "x"))))).containsExactly("c");
        assertThat(index.canHandle(new Document("start", T0))).isFalse(); // not a leading field
        assertThat(index.canHandle(new Document("$or", List.of(new Document("roomId", "r1"))))).isFalse();
        assertThat(index.getCount()).isEqualTo(3);
    }

    @Test
    void rangesOnTheNextFieldKeepTheirTypeAndAreMergedAcrossConjuncts() {
        SecondaryIndex index = index(false, "roomId", "start");
        for (int h = 0; h < 10; h++) {
            add(index, doc("d" + h, "roomId", "r1", "start", T0.plusSeconds(3600L * h)));
        }
        add(index, doc("s", "roomId", "r1", "start", "not a date"));
        add(index, doc("n", "roomId", "r1", "start", 42));
        Document q = new Document("$and", List.of(new Document("roomId", "r1"),
                new Document("start", new Document("$gte", T0.plusSeconds(3600L * 2))),
                new Document("start", new Document("$lt", T0.plusSeconds(3600L * 5)))));
        assertThat(positions(index, q)).containsExactly("d2", "d3", "d4", "d5"); // bounds inclusive: a superset
        Document open = new Document("roomId", "r1").append("start", new Document("$gt", T0.plusSeconds(3600L * 8)));
        assertThat(positions(index, open)).containsExactly("d8", "d9"); // dates only, as the matcher compares
        assertThat(positions(index, new Document("roomId", "r1").append("start", new Document("$lte", 100))))
                .containsExactly("n");
    }

    @Test
    void indexesEveryElementOfAnArrayAndFindsADocumentOnce() {
        SecondaryIndex index = index(false, "roomId", "days");
        add(index, doc("long", "roomId", "r1", "days", List.of("2031-03-01", "2031-03-02", "2031-03-03")));
        add(index, doc("short", "roomId", "r1", "days", List.of("2031-03-02")));
        add(index, doc("none", "roomId", "r1", "days", List.of()));
        assertThat(entries(index)).isEqualTo(5);

        assertThat(positions(index, new Document("roomId", "r1").append("days", "2031-03-03"))).containsExactly("long");
        assertThat(positions(index, new Document("roomId", "r1")
                .append("days", new Document("$in", List.of("2031-03-01", "2031-03-02", "2031-03-03")))))
                .containsExactlyInAnyOrder("long", "short");
        assertThat(positions(index, new Document("roomId", "r1"))).containsExactlyInAnyOrder("long", "short", "none");
    }

    @Test
    void refusesTwoArrayFieldsInOneDocument() {
        SecondaryIndex index = index(false, "a", "b");
        assertThatThrownBy(() -> index.checkAdd(doc("x", "a", List.of(1, 2), "b", List.of(3)), null))
                .isInstanceOf(CannotIndexParallelArraysError.class);
    }

    @Test
    void aSparseIndexLeavesOutDocumentsWithoutItsFieldsAndIsNotUsedForNull() {
        SecondaryIndex sparse = index(true, "key");
        add(sparse, doc("with", "key", "k1"));
        add(sparse, doc("without"));
        assertThat(entries(sparse)).isEqualTo(1);
        assertThat(sparse.remove(doc("without"))).isNull();
        assertThat(sparse.canHandle(new Document("key", null))).isFalse();

        SecondaryIndex dense = index(false, "key");
        add(dense, doc("with", "key", "k1"));
        add(dense, doc("without"));
        add(dense, doc("explicitNull", "key", null));
        assertThat(positions(dense, new Document("key", null))).containsExactlyInAnyOrder("without", "explicitNull");
        assertThat(dense.remove(doc("without"))).isEqualTo("without");
    }

    @Test
    void updatesMoveOnlyTheEntriesThatChangedAndRemovalLeavesNone() {
        SecondaryIndex index = index(false, "days");
        Document before = doc("r", "days", List.of("2031-03-01", "2031-03-02"));
        add(index, before);
        Document after = doc("r", "days", List.of("2031-03-02", "2031-03-03"));
        index.checkUpdate(before, after, null);
        index.updateInPlace(before, after, "r", null);
        assertThat(positions(index, new Document("days", "2031-03-01"))).isEmpty();
        assertThat(positions(index, new Document("days", "2031-03-03"))).containsExactly("r");
        assertThat(entries(index)).isEqualTo(2);
        assertThat(index.remove(after)).isEqualTo("r");
        assertThat(entries(index)).isZero();
    }

    @Test
    void numbersOfAnyTypeAreOneValueAndRangeCountsAreExact() {
        SecondaryIndex index = index(false, "n");
        add(index, doc("int", "n", 1));
        add(index, doc("long", "n", 1L));
        add(index, doc("double", "n", 1.0));
        add(index, doc("two", "n", 2.5));
        add(index, doc("neg", "n", -3));
        assertThat(positions(index, new Document("n", 1))).containsExactlyInAnyOrder("int", "long", "double");
        Conditions c = Conditions.of(new Document("n", new Document("$gte", -10).append("$lt", 2)));
        SecondaryIndex.Lookup lookup = index.lookup(c);
        assertThat(lookup.entries()).isEqualTo(4);
    }

    @Test
    void aNewIndexNeedsBuildingOnceAndAReopenedOneDoesNot() {
        MVMap<String, Object> map = store.openMap("reopened");
        SecondaryIndex first = new SecondaryIndex("i", List.of(new IndexKey("f", true)), false, map);
        assertThat(first.isEmpty()).isTrue();
        SecondaryIndex again = new SecondaryIndex("i", List.of(new IndexKey("f", true)), false, map);
        assertThat(again.isEmpty()).isFalse();
        assertThat(again.getCount()).isZero();
    }

    /**
     * Superset correctness: for random documents and random filters the index can narrow, every
     * document the server's matcher accepts is among the positions the index returns.
     */
    @Test
    void returnsASupersetOfTheMatchesForRandomDocumentsAndFilters() {
        Random random = new Random(7);
        SecondaryIndex index = index(false, "a", "b");
        SecondaryIndex single = index(false, "b");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Document d = new Document("_id", "d" + i);
            putRandom(random, d, "a");
            putRandom(random, d, "b");
            if (d.get("a") instanceof List && d.get("b") instanceof List) {
                d.remove("b");
            }
            docs.add(d);
            add(index, d);
            add(single, d);
        }
        DefaultQueryMatcher matcher = new DefaultQueryMatcher();
        int checked = 0;
        for (int q = 0; q < 600; q++) {
            Document query = randomQuery(random);
            for (SecondaryIndex ix : List.of(index, single)) {
                if (!ix.canHandle(query)) {
                    continue;
                }
                Set<Object> found = new HashSet<>();
                ix.getPositions(query).forEach(found::add);
                for (Document d : docs) {
                    if (matcher.matches(d, query)) {
                        assertThat(found).as("%s matches %s", d, query).contains(d.get("_id"));
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(300);
        // removing everything leaves no entries behind
        docs.forEach(index::remove);
        assertThat(entries(index)).isZero();
    }

    private static final List<Object> VALUES = List.of("x", "y", "", "x\u0000y", 1, 2L, 2.5, -1.0, true, false,
            T0, T0.plusSeconds(60), T0.minusSeconds(86_400));

    private static void putRandom(Random random, Document d, String field) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return; // missing
        } else if (kind == 1) {
            d.put(field, null);
        } else if (kind == 2) {
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                list.add(VALUES.get(random.nextInt(VALUES.size())));
            }
            d.put(field, list);
        } else if (kind == 3) {
            d.put(field, new Document("k", VALUES.get(random.nextInt(VALUES.size()))));
        } else {
            d.put(field, VALUES.get(random.nextInt(VALUES.size())));
        }
    }

    private static Document randomQuery(Random random) {
        List<Document> parts = new ArrayList<>();
        for (String f : List.of("a", "b")) {
            int kind = random.nextInt(5);
            Object v = random.nextInt(8) == 0 ? null : VALUES.get(random.nextInt(VALUES.size()));
            switch (kind) {
                case 0 -> parts.add(new Document(f, v));
                case 1 -> parts.add(new Document(f, new Document("$in", java.util.Arrays.asList(v,
                        VALUES.get(random.nextInt(VALUES.size()))))));
                case 2 -> parts.add(new Document(f, new Document(random.nextBoolean() ? "$gt" : "$gte", v)));
                case 3 -> parts.add(new Document(f, new Document(random.nextBoolean() ? "$lt" : "$lte", v)
                        .append("$ne", "x")));
                default -> {
                }
            }
        }
        if (parts.isEmpty()) {
            parts.add(new Document("a", "x"));
        }
        return random.nextBoolean() ? new Document("$and", parts)
                : parts.stream().collect(Document::new, Map::putAll, Map::putAll);
    }
}
