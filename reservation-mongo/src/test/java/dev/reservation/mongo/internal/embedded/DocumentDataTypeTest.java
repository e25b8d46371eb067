package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents stored as BSON, and values a file written before holds (Java-serialized) still read. */
class DocumentDataTypeTest {
    @TempDir
    Path dir;

    private static Document everyType() {
        return new Document("_id", new ObjectId()).append("s", "text ünïcödé").append("i", 42).append("l", 1L << 40)
                .append("d", 2.5).append("b", true).append("n", null).append("t", Instant.parse("2031-03-03T10:15:30.123Z"))
                .append("list", Arrays.asList(1, "two", null, new Document("k", List.of()))).append("empty", List.of())
                .append("sub", new Document("a", new Document("b", "c"))).append("uuid", UUID.randomUUID())
                .append("ts", new BsonTimestamp(1234567L)).append("dec", Decimal128.ONE).append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance()).append("bytes", new BinData(new byte[] {1, 2, 3}));
    }

    private static Object roundTrip(Object value) {
        WriteBuffer buff = new WriteBuffer();
        DocumentDataType.INSTANCE.write(buff, value);
        ByteBuffer bytes = buff.getBuffer();
        bytes.flip();
        Object back = DocumentDataType.INSTANCE.read(bytes);
        assertThat(bytes.remaining()).isZero();
        return back;
    }

    @Test
    void aDocumentComesBackEqualWithEveryTypeItCanHold() {
        Document d = everyType();
        Document back = (Document) roundTrip(d);
        assertThat(back.keySet()).containsExactlyElementsOf(d.keySet());
        for (String key : d.keySet()) {
            assertThat(back.get(key)).as(key).isEqualTo(d.get(key));
        }
        assertThat(((List<?>) back.get("list")).get(3)).isInstanceOf(Document.class);
    }

    @Test
    void otherValuesAndValuesWrittenByTheDefaultTypeStillRead() {
        assertThat(roundTrip("a string")).isEqualTo("a string");
        Document odd = new Document("_id", "odd").append("short", (short) 3); // no BSON type: Java-serialized
        assertThat(roundTrip(odd)).isEqualTo(odd);
        assertThat(((Document) roundTrip(odd)).get("short")).isInstanceOf(Short.class);
        assertThat(roundTrip(7L)).isEqualTo(7L);
        WriteBuffer legacy = new WriteBuffer();
        Document d = new Document("_id", "x").append("n", 1);
        new ObjectDataType().write(legacy, d); // a file written before: a Java-serialized document
        ByteBuffer bytes = legacy.getBuffer();
        bytes.flip();
        assertThat(bytes.get(0)).isNotEqualTo(DocumentDataType.BSON);
        assertThat(DocumentDataType.INSTANCE.read(bytes)).isEqualTo(d);
    }

    @Test
    void aMapWrittenWithTheDefaultTypeIsReadAndRewrittenAfterReopening() {
        String file = dir.resolve("old.mv").toString();
        MVStore old = MVStore.open(file);
        MVMap<Object, Object> before = old.openMap("databases.db.c");
        for (int i = 0; i < 200; i++) {
            before.put("k" + i, new Document("_id", "k" + i).append("v", i));
        }
        old.close();

        MVStore store = MVStore.open(file);
        MVMap<Object, Object> map = store.openMap("databases.db.c",
                new MVMap.Builder<Object, Object>().valueType(DocumentDataType.INSTANCE));
        assertThat(map.get("k7")).isEqualTo(new Document("_id", "k7").append("v", 7));
        map.put("k7", new Document("_id", "k7").append("v", 70));
        store.close();

        MVStore again = MVStore.open(file);
        MVMap<Object, Object> reread = again.openMap("databases.db.c",
                new MVMap.Builder<Object, Object>().valueType(DocumentDataType.INSTANCE));
        List<Object> values = new ArrayList<>(reread.values());
        assertThat(values).hasSize(200).contains(new Document("_id", "k7").append("v", 70),
                new Document("_id", "k8").append("v", 8));
        again.close();
    }
}
