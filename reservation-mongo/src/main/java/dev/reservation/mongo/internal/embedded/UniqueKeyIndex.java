package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A unique index (the {@code _id} index among them) in an MVStore map keyed by strings: the exact
 * encoding of each normalized key ({@link KeyCodec#appendExact}), so a lookup compares strings.
 * (The H2 backend's own unique index keys its map by {@code KeyValue} objects, which MVStore
 * compares by Java-serializing both sides: every lookup then costs dozens of serializations.)
 *
 * <p>It also serves lookups the upstream index turns down: equality or {@code $in} on its keys
 * found at the top level or inside {@code $and}, next to any other conditions (the booking
 * protocol's {@code {$and: [{_id: X}, {claims: {$not: ...}}]}} claim update, the cancellation's
 * version check). It answers with the documents of those keys, a superset of the matches; the
 * collection applies the whole filter to them. Regular expressions are left to a scan (an entry's
 * key cannot be read back as a value).
 *
 * <p>The map holds one reserved entry {@link #BUILT} (the empty string, which no encoded key is)
 * once the index has been built, so an index without entries on a collection without matching
 * documents is not rebuilt at every start. Thread-safe as its superclass (synchronized) and MVMap.
 */
final class UniqueKeyIndex extends AbstractUniqueIndex<Object> {
    static final String BUILT = "";

    private final MVMap<String, Object> map;
    private final boolean builtBefore;

    UniqueKeyIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<String, Object> map) {
        super(name, keys, sparse);
        this.map = map;
        this.builtBefore = map.containsKey(BUILT);
        if (!builtBefore) {
            map.put(BUILT, Boolean.TRUE); // durable with the entries the build adds, in the same commit
        }
    }

    static String encode(KeyValue keyValue) {
        StringBuilder b = new StringBuilder();
        for (Object v : keyValue) {
            KeyCodec.appendExact(b, v);
        }
        return b.toString();
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(encode(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(encode(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        throw new UnsupportedOperationException("index " + getName() + " is not scanned (canHandle refuses regular expressions)");
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(encode(keyValue));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong() - (map.containsKey(BUILT) ? 1 : 0);
    }

    /** "Needs building": true only for an index that was never built, which the collection then fills. */
    @Override
    public boolean isEmpty() {
        return !builtBefore;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        Document keyQuery = keyConditions(query);
        return keyQuery != null && keyQuery.values().stream().noneMatch(BsonRegularExpression::isRegularExpression)
                && super.canHandle(keyQuery);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        return super.getPositions(keyConditions(query));
    }

    /** {@code {key: v | {$in: [...]}, ...}} for every key of the index, from the filter's conjuncts; else null. */
    private Document keyConditions(Document query) {
        Document found = new Document();
        for (String key : keys()) {
            Object condition = find(query, key);
            if (condition == null) {
                return null;
            }
            found.put(key, condition);
        }
        return found;
    }

    /** The usable condition on {@code key} among the conjuncts (top level, {@code $and} at any depth). */
    private static Object find(Document query, String key) {
        if (query.containsKey(key)) {
            Object c = usable(query.get(key));
            if (c != null) {
                return c;
            }
        }
        if (query.get("$and") instanceof Collection<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document d) {
                    Object c = find(d, key);
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    private static Object usable(Object condition) {
        if (!(condition instanceof Document d) || d.isEmpty() || !d.keySet().iterator().next().startsWith("$")) {
            return condition; // a value (a document without operators is one too)
        }
        if (d.containsKey("$in")) {
            return new Document("$in", d.get("$in"));
        }
        if (d.containsKey("$eq") && !(d.get("$eq") instanceof Document)) {
            return d.get("$eq");
        }
        return null;
    }

    @Override
    public void drop() {
        super.drop();
        map.clear();
    }
}
