package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection with a query planner over its indexes. A filter a unique index
 * can answer ({@link UniqueKeyIndex}) is a key lookup. Otherwise the planner asks each
 * {@link SecondaryIndex} for the key ranges the filter allows and counts their entries exactly (in
 * O(log n), from key ranks), and reads the documents of the smallest. A sorted query with a limit
 * instead walks an index whose keys give the sort order, from the first key of its range on, and
 * stops once it has the limit (an ordered scan, as MongoDB runs {@code sort + limit}), when that
 * range holds no more entries than the best lookup, or the lookup would read far more than the
 * limit ({@code > 4 * (skip + limit) + 256} documents).
 * Only a filter no index narrows is a collection scan. In every case the whole filter is applied to
 * what was read, so an index only has to return a superset of the matches.
 *
 * <p>The walk keeps the server's sort semantics exactly: entries with equal sort keys are read as
 * a group and sorted by the server's own comparator (which also orders by any further sort keys),
 * and it gives up, falling back to the plan without it, on a document whose sort value is an array
 * or of a type the key encoding does not order. Every document read is counted in {@link QueryStats}.
 * Called under the collection's lock (its superclass synchronizes queries and writes).
 */
final class IndexedCollection extends H2Collection {
    /** A lookup over more than this share of the collection reads it all instead (sequential, no key descents). */
    private static final int SCAN_FRACTION = 3;

    private final QueryStats stats;

    IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                      QueryStats stats) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.stats = stats;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        List<SecondaryIndex> secondary = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex s) {
                secondary.add(s);
            } else if (index.canHandle(query)) {
                stats.lookups.increment();
                return read(query, index.getPositions(query), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        Conditions conditions = secondary.isEmpty() ? null : Conditions.of(query);
        SecondaryIndex.Lookup best = null;
        if (conditions != null && !conditions.isEmpty()) {
            for (SecondaryIndex s : secondary) {
                SecondaryIndex.Lookup l = s.lookup(conditions);
                if (l != null && (best == null || l.entries() < best.entries()
                        || l.entries() == best.entries() && l.fieldsUsed() > best.fieldsUsed())) {
                    best = l;
                }
            }
        }
        if (best != null && best.entries() > (long) count() / SCAN_FRACTION + 64) {
            best = null; // most of the collection: a scan reads it faster
        }
        Sort sort = Sort.of(orderBy);
        if (sort != null && limit > 0 && conditions != null) {
            long wanted = (long) Math.max(0, numberToSkip) + limit;
            Walk walk = best != null && best.entries() <= wanted ? null : chooseWalk(secondary, conditions, sort);
            // walk when its range is no larger than the best lookup (it then stops after about `wanted`
            // entries), or when that lookup would read far more than the limit
            if (walk != null && (best == null || walk.entries() <= best.entries() || best.entries() > 4 * wanted + 256)) {
                List<Document> ordered = walk(walk, query, orderBy, sort, wanted);
                if (ordered != null) {
                    stats.walks.increment();
                    return matchDocumentsFromStream(query, ordered.stream(), numberToSkip, limit, batchSize, null,
                            fieldSelector);
                }
            }
        }
        if (best != null) {
            stats.lookups.increment();
            Set<Object> positions = new LinkedHashSet<>();
            for (SecondaryIndex.KeyRange r : best.ranges()) {
                best.index().scan(r, false, (key, position) -> positions.add(position) || true);
            }
            return read(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * No running total of the documents' BSON size: keeping it costs a BSON encoding of every
     * document written and one more page in every commit (the meta map), for a figure only
     * {@code collStats} shows (it then shows the total as it was).
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** A scan of the whole collection. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        stats.scans.increment();
        stats.examined.add(count());
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The documents at {@code positions} (a position without a document is skipped), filtered, sorted, cut. */
    private QueryResult read(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip, int limit,
                             int batchSize, Document fieldSelector) {
        return matchDocumentsFromStream(StreamSupport.stream(positions.spliterator(), false).map(p -> {
            stats.examined.increment();
            return getDocument(p);
        }).filter(Objects::nonNull), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** A sort all in one direction, by plain fields. */
    record Sort(List<String> fields, boolean descending) {
        static Sort of(Document orderBy) {
            if (orderBy == null || orderBy.isEmpty()) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            Boolean descending = null;
            for (var e : orderBy.entrySet()) {
                if (e.getKey().startsWith("$") || !(e.getValue() instanceof Number n)) {
                    return null;
                }
                boolean desc = n.doubleValue() < 0;
                if (descending != null && descending != desc) {
                    return null;
                }
                descending = desc;
                fields.add(e.getKey());
            }
            return new Sort(fields, descending);
        }
    }

    /** Walk {@code range} of {@code index}; its first {@code prefixFields} fields are fixed, the next {@code sortFields} are sort keys. */
    record Walk(SecondaryIndex index, SecondaryIndex.KeyRange range, int prefixFields, int sortFields, long entries) {
    }

    /** The index whose keys after an equality prefix start with the sort keys: longest prefix, then fewest entries. */
    private static Walk chooseWalk(List<SecondaryIndex> indexes, Conditions conditions, Sort sort) {
        Walk best = null;
        for (SecondaryIndex s : indexes) {
            List<String> fields = s.fields();
            StringBuilder prefix = new StringBuilder();
            int j = 0;
            while (j < fields.size() && !fields.get(j).equals(sort.fields().get(0))
                    && conditions.get(fields.get(j)) instanceof Conditions.Equal eq && eq.values().size() == 1
                    && eq.values().get(0) != null) {
                KeyCodec.append(prefix, eq.values().get(0));
                j++;
            }
            if (j == fields.size() || !fields.get(j).equals(sort.fields().get(0))) {
                continue;
            }
            int g = 0;
            while (j + g < fields.size() && g < sort.fields().size() && fields.get(j + g).equals(sort.fields().get(g))) {
                g++;
            }
            Conditions.Condition onSort = conditions.get(fields.get(j));
            SecondaryIndex.KeyRange range = onSort instanceof Conditions.Range r
                    ? SecondaryIndex.range(prefix.toString(), r)
                    : new SecondaryIndex.KeyRange(prefix.toString(), prefix.toString());
            if (s.isSparseIndex() && j == 0 && !(onSort instanceof Conditions.Range)) {
                continue; // documents without the field have no entries, yet may match
            }
            Walk w = new Walk(s, range, j, g, s.count(range));
            if (best == null || w.prefixFields() > best.prefixFields()
                    || w.prefixFields() == best.prefixFields() && w.entries() < best.entries()) {
                best = w;
            }
        }
        return best;
    }

    /** The first {@code wanted} matches in sort order, or null when a document's sort value cannot be walked. */
    private List<Document> walk(Walk walk, Document query, Document orderBy, Sort sort, long wanted) {
        DocumentComparator comparator = new DocumentComparator(orderBy);
        List<Document> out = new ArrayList<>();
        List<Document> group = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        String[] groupKey = {null};
        boolean[] gaveUp = {false};
        int groupComponents = walk.prefixFields() + walk.sortFields();
        walk.index().scan(walk.range(), sort.descending(), (key, position) -> {
            String gk = key.substring(0, KeyCodec.skip(key, 0, groupComponents));
            if (!gk.equals(groupKey[0])) {
                flush(group, out, comparator);
                if (out.size() >= wanted) {
                    return false;
                }
                groupKey[0] = gk;
            }
            if (!seen.add(position)) {
                return true; // another element of a multikey document seen earlier
            }
            stats.examined.increment();
            Document doc = getDocument(position);
            if (doc == null) {
                return true;
            }
            for (String f : sort.fields()) {
                Object v = Utils.getSubdocumentValueCollectionAware(doc, f);
                if (v instanceof Collection || !KeyCodec.isOrdered(v)) {
                    gaveUp[0] = true;
                    return false;
                }
            }
            if (documentMatchesQuery(doc, query)) {
                group.add(doc);
            }
            return true;
        });
        if (gaveUp[0]) {
            return null;
        }
        flush(group, out, comparator);
        return out;
    }

    private static void flush(List<Document> group, List<Document> out, DocumentComparator comparator) {
        if (group.size() > 1) {
            group.sort(comparator);
        }
        out.addAll(group);
        group.clear();
    }
}
