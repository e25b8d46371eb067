package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data file while bookings arrive one by one, each acknowledged only after its own commit (the
 * embedded default's durability): MVStore appends every commit as a new chunk of the pages it
 * changed, and the old chunks become garbage that the store must reuse as fast as it makes it. The
 * largest the file gets is what a user's disk must hold, so it is measured while running, not only
 * after a restart's compaction. The store compacts whenever less than half of its chunks' space is
 * live, so up to half the file may be garbage at any moment: the file may grow by at most twice the
 * issue's target of 2 KB of data per reservation. (The live data of these bookings, rooms-day
 * documents and index entries included, came to about 1.5 KB each.) Sizes, not timings.
 */
class EmbeddedFileGrowthTest {
    static final Instant DAY = Instant.parse("2031-05-05T00:00:00Z");
    static final int BOOKINGS = 1_500;
    /** Twice the target for the data on disk per reservation (half of the file may be garbage). */
    static final long BYTES_PER_BOOKING = 2 * 2_048;

    @TempDir
    Path dataDir;

    @Test
    void theFileGrowsWithWhatIsStoredNotWithTheCommitsMade() throws IOException {
        try (EmbeddedServer server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
             MongoStores stores = MongoStores.open(StoreOptions.embedded(dataDir))) {
            stores.rooms().insert(ContractData.room("r-1", "Room 1"));
            stores.reservations().book(ContractData.candidate("r-1", "u-1", TimeSlot.of(DAY, Duration.ofMinutes(5))));
            long before = fileSize();
            long largest = before;
            for (int i = 1; i <= BOOKINGS; i++) {
                TimeSlot slot = TimeSlot.of(DAY.plus(Duration.ofDays(i / 100)).plus(Duration.ofMinutes(5L * (i % 100))),
                        Duration.ofMinutes(5));
                assertThat(stores.reservations().book(ContractData.candidate("r-1", "u-" + i % 7, slot)))
                        .isInstanceOf(BookingOutcome.Booked.class);
                if (i % 50 == 0) {
                    largest = Math.max(largest, fileSize());
                }
            }
            System.out.printf("data file: %,d bytes before, at most %,d while booking %,d (%,d per booking); %s%n",
                    before, largest, BOOKINGS, (largest - before) / BOOKINGS, server.compactionSummary());
            assertThat(largest - before).isLessThanOrEqualTo(BYTES_PER_BOOKING * BOOKINGS);
        }
        // the compaction at the next start cuts the file to its live data: the 2 KB per reservation
        long beforeRestart = fileSize();
        try (EmbeddedServer restarted = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow()) {
            long after = fileSize();
            String summary = restarted.compactionSummary();
            System.out.printf("data file: %,d bytes when stopped, %,d after the compaction at start (%,d per booking); %s%n",
                    beforeRestart, after, after / BOOKINGS, summary);
            assertThat(after).isLessThanOrEqualTo(2_048L * BOOKINGS);
            // and it is cut to what is live: at least 90 % of the file in use ("fill" is MVStore's file fill rate)
            assertThat(fillRate(summary)).isGreaterThanOrEqualTo(90);
        }
    }

    private static int fillRate(String compactionSummary) {
        Matcher m = Pattern.compile("; fill (\\d+)%").matcher(compactionSummary);
        assertThat(m.find()).as("fill rate in '%s'", compactionSummary).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private long fileSize() throws IOException {
        return Files.size(dataDir.resolve(EmbeddedServer.DATA_FILE));
    }
}
