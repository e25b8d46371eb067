package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database of the embedded server: the H2 backend's database with {@link IndexedCollection}s,
 * {@link UniqueKeyIndex} for unique indexes (the {@code _id} index too) and {@link SecondaryIndex}
 * for the others (which upstream leaves unimplemented, so every such query scanned). All of them
 * live in maps of the same MVStore as the data, so a commit makes data and indexes durable together.
 *
 * <p>Documents are stored as BSON ({@link DocumentDataType}). Map names: the collections' data and
 * meta maps keep the H2 backend's names (a data file written before stays readable); the indexes
 * use {@code <ns>._uidx_<name>} and
 * {@code <ns>._sidx_<name>}. Opening a database written before builds them from the documents
 * (once) and then removes the H2 backend's own unique-index maps ({@code <ns>._index_<name>}),
 * which nothing reads any more. Thread-safe as its superclass.
 */
final class EmbeddedDatabase extends H2Database {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The H2 backend's names for a collection's maps. */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String UPSTREAM_INDEX = "._index_";
    private static final String UNIQUE_INDEX = "._uidx_";
    private static final String SECONDARY_INDEX = "._sidx_";

    /** The store while the superclass constructor opens collections and indexes (before this object's fields are set). */
    private static final ThreadLocal<Context> OPENING = new ThreadLocal<>();

    private record Context(MVStore store, QueryStats stats) {
    }

    private final Context context;

    private EmbeddedDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry, QueryStats stats) {
        super(databaseName, store, cursorRegistry);
        this.context = new Context(store, stats);
        removeUpstreamIndexMaps(store);
    }

    static EmbeddedDatabase open(String databaseName, MVStore store, CursorRegistry cursorRegistry, QueryStats stats) {
        OPENING.set(new Context(store, stats));
        try {
            return new EmbeddedDatabase(databaseName, store, cursorRegistry, stats);
        } finally {
            OPENING.remove();
        }
    }

    private Context context() {
        return context != null ? context : OPENING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String ns = getFullCollectionNamespace(collectionName);
        MVStore store = context().store();
        MVMap<Object, Document> data = store.openMap(DATA_PREFIX + ns, documents());
        MVMap<String, Object> meta = store.openMap(META_PREFIX + ns);
        return new IndexedCollection(this, collectionName, options, data, meta, cursorRegistry, context().stats());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap.Builder<Object, Document> documents() {
        MVMap.Builder builder = new MVMap.Builder<Object, Object>().valueType(DocumentDataType.INSTANCE);
        return (MVMap.Builder<Object, Document>) builder;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return new UniqueKeyIndex(indexName, keys, sparse, indexMap(collectionName, UNIQUE_INDEX, indexName));
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new SecondaryIndex(indexName, keys, sparse, indexMap(collectionName, SECONDARY_INDEX, indexName));
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        MVStore store = context().store();
        for (String kind : List.of(UNIQUE_INDEX, SECONDARY_INDEX)) {
            String name = getFullCollectionNamespace(collection.getCollectionName()) + kind + indexName;
            if (store.hasMap(name)) {
                store.removeMap(name);
            }
        }
    }

    private MVMap<String, Object> indexMap(String collectionName, String kind, String indexName) {
        return context().store().openMap(getFullCollectionNamespace(collectionName) + kind + indexName);
    }

    /** The H2 backend's unique-index maps of this database: replaced by ours, built while opening. */
    private void removeUpstreamIndexMaps(MVStore store) {
        for (String name : store.getMapNames()) {
            int at = name.lastIndexOf(UPSTREAM_INDEX);
            if (name.startsWith(databaseName + ".") && at > 0) {
                String ours = name.substring(0, at) + UNIQUE_INDEX + name.substring(at + UPSTREAM_INDEX.length());
                if (store.hasMap(ours)) {
                    LOG.info("removing index map '{}', replaced by '{}'", name, ours);
                    store.removeMap(name);
                }
            }
        }
    }
}
