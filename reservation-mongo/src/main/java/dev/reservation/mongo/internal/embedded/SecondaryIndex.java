package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique (optionally compound, multikey, sparse) index in an MVStore map, persisted with
 * the collection's data in the same store (so one commit makes both durable together, and no start
 * rebuilds it). One entry per indexed value combination of a document: the key is the
 * {@link KeyCodec} encoding of the key fields' values followed by the document's position (its
 * {@code _id}), which makes it unique; the value is the position.
 *
 * <p>Multikey: an array-valued field contributes one entry per element (an empty array one entry
 * with a marker, so a lookup by the other fields still finds the document; a nested array its
 * elements and itself); two array-valued key fields in one document are refused as MongoDB refuses
 * them. Sparse: a document with none of the key fields has no entries. Lookups: equality or
 * {@code $in} on leading key fields, then optionally a range on the next one ({@link Conditions});
 * what they return is a superset of the matches (the collection applies the whole filter), as the
 * keys only narrow by the conditions the filter's conjuncts state.
 *
 * <p>{@link #isEmpty} means "needs building", as for {@link UniqueKeyIndex} (reserved entry
 * {@link UniqueKeyIndex#BUILT}). Thread-safe: the map is, and the collection serializes writers.
 */
final class SecondaryIndex extends Index<Object> {
    /** More prefix combinations than this (from {@code $in} lists) and the lookup stops extending the prefix. */
    static final int MAX_RANGES = 1_000;
    private static final String ID = "_id";

    private final MVMap<String, Object> map;
    private final boolean builtBefore;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<String, Object> map) {
        super(name, keys, sparse);
        this.map = map;
        this.builtBefore = map.containsKey(UniqueKeyIndex.BUILT);
        if (!builtBefore) {
            map.put(UniqueKeyIndex.BUILT, Boolean.TRUE);
        }
    }

    List<String> fields() {
        return keys();
    }

    boolean isSparseIndex() {
        return isSparse();
    }

    // ---- maintenance -------------------------------------------------------------------------

    /** The entry keys of {@code document} at {@code position}; empty for a sparse index's document without the fields. */
    Set<String> entryKeys(Document document, Object position) {
        List<String> fields = keys();
        if (isSparse() && fields.stream().allMatch(f -> Utils.getSubdocumentValueCollectionAware(document, f)
                instanceof Missing)) {
            return Set.of();
        }
        List<List<Object>> perField = new ArrayList<>(fields.size());
        int arrays = 0;
        for (String f : fields) {
            Object v = Utils.getSubdocumentValueCollectionAware(document, f);
            List<Object> values = new ArrayList<>();
            if (v instanceof Collection<?> c) {
                arrays++;
                if (c.isEmpty()) {
                    values.add(EmptyArray.INSTANCE);
                }
                for (Object e : c) {
                    values.add(e);
                    if (e instanceof Collection<?> nested) {
                        values.addAll(nested);
                    }
                }
            } else {
                values.add(v);
            }
            perField.add(values);
        }
        if (arrays > 1) {
            getKeyValues(document); // throws CannotIndexParallelArraysError as MongoDB would
        }
        Set<String> keys = new LinkedHashSet<>();
        product(perField, 0, new StringBuilder(), position, keys);
        return keys;
    }

    private static void product(List<List<Object>> perField, int i, StringBuilder prefix, Object position, Set<String> out) {
        if (i == perField.size()) {
            out.add(KeyCodec.appendPosition(new StringBuilder(prefix), position).toString());
            return;
        }
        int mark = prefix.length();
        for (Object v : perField.get(i)) {
            if (v == EmptyArray.INSTANCE) {
                KeyCodec.appendEmptyArray(prefix);
            } else {
                KeyCodec.append(prefix, v);
            }
            product(perField, i + 1, prefix, position, out);
            prefix.setLength(mark);
        }
    }

    private static Object positionOf(Document document) {
        return Missing.ofNullable(document.get(ID));
    }

    @Override
    public Object getPosition(Document document) {
        return null; // a non-unique index cannot tell a document's position from its keys
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        entryKeys(document, positionOf(document));
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (String key : entryKeys(document, position)) {
            map.put(key, position);
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        Set<String> keys = entryKeys(document, position);
        if (keys.isEmpty()) {
            return null; // sparse, not indexed
        }
        for (String key : keys) {
            map.remove(key);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        entryKeys(newDocument, positionOf(newDocument));
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        Set<String> before = entryKeys(oldDocument, position);
        Set<String> after = entryKeys(newDocument, position);
        for (String key : before) {
            if (!after.contains(key)) {
                map.remove(key);
            }
        }
        for (String key : after) {
            if (!before.contains(key)) {
                map.put(key, position);
            }
        }
    }

    @Override
    public long getCount() {
        return map.sizeAsLong() - (map.containsKey(UniqueKeyIndex.BUILT) ? 1 : 0);
    }

    @Override
    public boolean isEmpty() {
        return !builtBefore;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        map.clear();
    }

    // ---- lookups -----------------------------------------------------------------------------

    /** Keys {@code k} with {@code low <= k} and ({@code k <= high} or {@code k} starts with {@code high}). */
    record KeyRange(String low, String high) {
        boolean contains(String key) {
            return key.compareTo(low) >= 0 && (key.compareTo(high) <= 0 || key.startsWith(high));
        }

        boolean beyond(String key) {
            return key.compareTo(high) > 0 && !key.startsWith(high);
        }
    }

    /** The key ranges a filter's conditions allow, and how many entries they hold. */
    record Lookup(SecondaryIndex index, List<KeyRange> ranges, int fieldsUsed, long entries) {
    }

    /**
     * The ranges for equality/{@code $in} on the leading fields, then a range on the next; null
     * when the filter constrains the first field by neither (this index cannot narrow it).
     */
    Lookup lookup(Conditions conditions) {
        List<String> prefixes = List.of("");
        List<String> fields = keys();
        int used = 0;
        List<KeyRange> ranges = null;
        for (String field : fields) {
            Conditions.Condition c = conditions.get(field);
            if (c instanceof Conditions.Equal eq && usable(eq)
                    && (long) prefixes.size() * Math.max(1, eq.values().size()) <= MAX_RANGES) {
                List<String> next = new ArrayList<>(prefixes.size() * eq.values().size());
                for (String p : prefixes) {
                    for (Object v : eq.values()) {
                        next.add(KeyCodec.append(new StringBuilder(p), v).toString());
                    }
                }
                prefixes = next;
                used++;
                continue;
            }
            if (c instanceof Conditions.Range r) {
                ranges = new ArrayList<>(prefixes.size());
                for (String p : prefixes) {
                    ranges.add(range(p, r));
                }
                used++;
            }
            break;
        }
        if (used == 0) {
            return null;
        }
        if (ranges == null) {
            ranges = new ArrayList<>(prefixes.size());
            for (String p : new LinkedHashSet<>(prefixes)) {
                ranges.add(new KeyRange(p, p));
            }
        }
        long entries = 0;
        for (KeyRange r : ranges) {
            entries += count(r);
        }
        return new Lookup(this, ranges, used, entries);
    }

    private boolean usable(Conditions.Equal eq) {
        // a sparse index has no entries for documents without the fields, which "equals null" matches
        return !isSparse() || eq.values().stream().noneMatch(Missing::isNullOrMissing);
    }

    static KeyRange range(String prefix, Conditions.Range r) {
        String low = r.lower() == null ? prefix + r.tag() : KeyCodec.append(new StringBuilder(prefix), r.lower()).toString();
        String high = r.upper() == null ? prefix + r.tag() : KeyCodec.append(new StringBuilder(prefix), r.upper()).toString();
        return new KeyRange(low, high);
    }

    /** Entries in {@code r}, counted in O(log n) from the keys' ranks. */
    long count(KeyRange r) {
        return Math.max(0, rank(r.high() + '\uffff') - rank(r.low()));
    }

    private long rank(String key) {
        long i = map.getKeyIndex(key);
        return i >= 0 ? i : -i - 1;
    }

    /** Calls {@code visit(key, position)} for the entries of {@code r} in key order (or reverse), until it returns false. */
    void scan(KeyRange r, boolean reverse, EntryVisitor visit) {
        if (!reverse) {
            Cursor<String, Object> c = map.cursor(r.low());
            while (c.hasNext()) {
                String key = c.next();
                if (r.beyond(key)) {
                    return;
                }
                if (!key.equals(UniqueKeyIndex.BUILT) && !visit.visit(key, c.getValue())) {
                    return;
                }
            }
            return;
        }
        String key = map.floorKey(r.high() + '\uffff');
        while (key != null && key.compareTo(r.low()) >= 0) {
            if (!key.equals(UniqueKeyIndex.BUILT) && r.contains(key) && !visit.visit(key, map.get(key))) {
                return;
            }
            key = map.lowerKey(key);
        }
    }

    /** One entry of a scan: return false to stop. */
    @FunctionalInterface
    interface EntryVisitor {
        boolean visit(String key, Object position);
    }

    @Override
    public boolean canHandle(Document query) {
        return lookup(Conditions.of(query)) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Lookup lookup = lookup(Conditions.of(query));
        if (lookup == null) {
            throw new NoSuchElementException("index " + getName() + " cannot narrow " + query);
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (KeyRange r : lookup.ranges()) {
            scan(r, false, (k, p) -> positions.add(p) || true);
        }
        return positions;
    }

    /** Every entry, for tests. */
    void forEachEntry(BiConsumer<String, Object> visit) {
        map.forEach((k, v) -> {
            if (!k.equals(UniqueKeyIndex.BUILT)) {
                visit.accept(k, v);
            }
        });
    }

    /** Stands for an empty array among the values of a key field. */
    private enum EmptyArray { INSTANCE }
}
