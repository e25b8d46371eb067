package dev.reservation.mongo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.testing.InProcessMongo;
import dev.reservation.mongo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crashes between the steps of booking and cancelling, simulated by doing only the first steps by hand. */
class BookingRecoveryTest {
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock();
    private final InProcessMongo mongo = new InProcessMongo(clock); // the server's clock judges orphan age
    private MongoClient client;
    private MongoCollection<Document> reservations;
    private MongoCollection<Document> days;
    private RoomDayClaims claims;
    private MongoReservationStore store;

    @BeforeEach
    void openStore() {
        String db = InProcessMongo.freshDatabase();
        mongo.open(db, clock); // creates the schema
        client = MongoClients.create(mongo.uri());
        MongoDatabase database = client.getDatabase(db);
        reservations = database.getCollection(Schema.RESERVATIONS);
        days = database.getCollection(Schema.ROOM_DAYS);
        claims = new RoomDayClaims(days);
        store = new MongoReservationStore(reservations, reservations, days,
                new BookingProtocol.Timing(ORPHAN_AGE, Duration.ofMillis(300)),
                new ReadRouting(client, false, ReadPreference.primary()),
                () -> database.runCommand(new Document("isMaster", 1)).getDate("localTime").toInstant(), clock);
    }

    @AfterEach
    void close() {
        client.close();
        mongo.close();
    }

    /** A booker that claimed every bucket of its slot and then died before inserting the reservation. */
    private Reservation crashedAfterClaiming(TimeSlot slot) {
        Reservation crashed = ContractData.candidate("r1", "u1", slot);
        for (String bucket : RoomDayClaims.bucketIds("r1", slot)) {
            assertThat(claims.claim(bucket, crashed).claimed()).isTrue();
        }
        return crashed;
    }

    @Test
    void aYoungClaimWithoutReservationIsTreatedAsInFlight() {
        crashedAfterClaiming(ContractData.slot(0, 10, 0, 60));
        assertThatThrownBy(() -> store.book(ContractData.candidate("r1", "u2", ContractData.slot(0, 10, 30, 60))))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("being booked");
        assertThat(claimsIn("r1|2031-03-03")).hasSize(1);
    }

    @Test
    void anOrphanedClaimIsFencedAndRemovedOnceOld_andItsBookerCanNeverConfirm() {
        Reservation crashed = crashedAfterClaiming(ContractData.slot(0, 22, 0, 4 * 60));
        clock.advance(ORPHAN_AGE.plusSeconds(1));

        BookingOutcome outcome = store.book(ContractData.candidate("r1", "u2", ContractData.slot(1, 0, 30, 60)));

        assertThat(outcome).isInstanceOf(BookingOutcome.Booked.class);
        assertThat(reservations.find(Filters.eq("_id", crashed.id())).first().getString("status")).isEqualTo("ABANDONED");
        assertThat(store.findById(crashed.id())).isEmpty();
        assertThat(store.book(crashed)).as("the crashed booker, back").isInstanceOf(BookingOutcome.Conflict.class);
        assertThat(store.findById(crashed.id())).isEmpty();
        assertThat(claimsIn("r1|2031-03-03")).as("its claims are released once it is certainly not booked").isEmpty();
        assertThat(claimsIn("r1|2031-03-04")).extracting(d -> d.getString("rid"))
                .containsExactly(((BookingOutcome.Booked) outcome).reservation().id());
    }

    @Test
    void aRetryOfTheSameCandidateReusesItsOwnClaims() {
        Reservation crashed = crashedAfterClaiming(ContractData.slot(0, 23, 0, 120));
        assertThat(store.book(crashed)).isEqualTo(new BookingOutcome.Booked(crashed));
        assertThat(claimsIn("r1|2031-03-03")).hasSize(1);
        assertThat(claimsIn("r1|2031-03-04")).hasSize(1);
        assertThat(store.book(crashed)).isEqualTo(new BookingOutcome.Replayed(crashed));
    }

    @Test
    void claimsLeftByACancelInterruptedBeforeReleasingAreRepairedByTheNextBooking() {
        Reservation first = ((BookingOutcome.Booked) store.book(
                ContractData.candidate("r1", "u1", ContractData.slot(0, 10, 0, 60)))).reservation();
        reservations.updateOne(Filters.eq("_id", first.id()), Updates.combine(Updates.set("status", "CANCELLED"),
                Updates.set("cancelledAt", Documents.date(Instant.now())), Updates.inc("version", 1L)));

        BookingOutcome second = store.book(ContractData.candidate("r1", "u2", ContractData.slot(0, 10, 0, 60)));

        assertThat(second).isInstanceOf(BookingOutcome.Booked.class);
        assertThat(claimsIn("r1|2031-03-03")).extracting(d -> d.getString("rid"))
                .containsExactly(((BookingOutcome.Booked) second).reservation().id());
    }

    @Test
    void cancellingReleasesEveryDayOfALongReservation() {
        Reservation longOne = ((BookingOutcome.Booked) store.book(
                ContractData.candidate("r1", "u1", ContractData.slot(0, 20, 0, 30 * 60)))).reservation();
        store.cancel(longOne.id(), 0, Instant.now(), "u1");
        assertThat(claimsIn("r1|2031-03-03")).isEmpty();
        assertThat(claimsIn("r1|2031-03-04")).isEmpty();
    }

    @Test
    void aSlotEndingAtMidnightClaimsOnlyItsOwnDay() {
        assertThat(RoomDayClaims.bucketIds("r1", ContractData.slot(0, 23, 0, 60))).containsExactly("r1|2031-03-03");
        assertThat(RoomDayClaims.bucketIds("r1", ContractData.slot(0, 23, 0, 61)))
                .containsExactly("r1|2031-03-03", "r1|2031-03-04");
    }

    private List<Document> claimsIn(String bucket) {
        Document doc = days.find(Filters.eq("_id", bucket)).first();
        return doc == null ? List.of() : doc.getList("claims", Document.class);
    }
}
