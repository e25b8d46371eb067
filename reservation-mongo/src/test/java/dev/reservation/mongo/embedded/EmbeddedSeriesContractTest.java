package dev.reservation.mongo.embedded;

import dev.reservation.core.store.SeriesContractTest;
import dev.reservation.core.store.SeriesStores;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The series contract through the embedded default (H2 MVStore backend): two stores on one owner's server. */
class EmbeddedSeriesContractTest extends SeriesContractTest {
    @TempDir
    static Path dataDir;
    private static MongoStores owner;
    private final List<MongoStores> current = new ArrayList<>();

    @BeforeAll
    static void startOwner() {
        owner = MongoStores.open(StoreOptions.embedded(dataDir));
    }

    @AfterAll
    static void stopOwner() {
        owner.close();
    }

    @Override
    protected List<SeriesStores> newInstances() {
        String db = InProcessMongo.freshDatabase();
        List<SeriesStores> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MongoStores s = MongoStores.open(StoreOptions.embedded(dataDir).withDatabase(db));
            current.add(s);
            out.add(new SeriesStores(s.users(), s.rooms(), s.reservations(), s.series()));
        }
        return out;
    }

    @AfterEach
    void closeStores() {
        current.forEach(MongoStores::close);
        current.clear();
    }
}
