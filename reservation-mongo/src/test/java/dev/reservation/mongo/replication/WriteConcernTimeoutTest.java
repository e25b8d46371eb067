package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.testing.OnRig;
import dev.reservation.rig.FailPoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write-concern error (the write was applied and replicated, the reply says the majority wait
 * timed out) on each write the protocol makes, through the replication rig (a SIMULATION of a PSA
 * set): the booking or cancel is never reported as failed, the service resolves it by re-sending,
 * and the stored state keeps its invariants.
 */
class WriteConcernTimeoutTest {
    private static final int WTIMEOUT = 64;
    private final OnRig onRig = new OnRig();
    private final MongoStores stores = onRig.open();
    private final ReservationService service = OnRig.service(stores);
    private final Actor admin = Actor.of(new User("u1", "User u1", "u1@example.com", Role.ADMIN));
    /** From 22:00 on day 0 to 02:00 on day 1: two buckets. */
    private final TimeSlot overnight = ContractData.slot(0, 22, 0, 240);

    WriteConcernTimeoutTest() {
        OnRig.seed(stores, 3);
    }

    @AfterEach
    void close() {
        assertThat(onRig.invariants().violations()).isEmpty();
        onRig.close();
    }

    private Reservation reserve(String user, TimeSlot slot) {
        return service.reserve(admin, new ReserveRequest("r1", user, slot, "Planning", 2));
    }

    private FailPoint.Builder claimUpdates() {
        return FailPoint.on("update").collection("room_days").when(b -> b.toJson().contains("$push"));
    }

    @Test
    void aTimedOutFirstClaimIsResolvedByReSendingTheCandidate() {
        FailPoint.Armed fp = onRig.rig.arm(claimUpdates().times(1).writeConcernError(WTIMEOUT));
        Reservation booked = reserve("u2", overnight);
        assertThat(fp.fired()).isEqualTo(1);
        assertThat(stores.reservations().findById(booked.id())).isPresent();
    }

    @Test
    void aTimedOutSecondClaimIsResolvedByReSendingTheCandidate() {
        FailPoint.Armed fp = onRig.rig.arm(claimUpdates().skip(1).times(1).writeConcernError(WTIMEOUT));
        Reservation booked = reserve("u2", overnight);
        assertThat(fp.fired()).isEqualTo(1);
        assertThat(onRig.committedClaims("r1|2031-03-04")).extracting(d -> d.getString("rid")).containsExactly(booked.id());
    }

    @Test
    void aStoreTellsOfATimedOutClaimAsOutcomeUnknownNeverAsFailed() {
        onRig.rig.arm(claimUpdates().times(1).writeConcernError(WTIMEOUT));
        Reservation candidate = ContractData.candidate("r1", "u2", overnight);
        assertThatThrownBy(() -> stores.reservations().book(candidate)).isInstanceOf(WriteOutcomeUnknownException.class);
        assertThat(stores.reservations().book(candidate)).isInstanceOf(dev.reservation.core.store.BookingOutcome.Booked.class);
    }

    @Test
    void aTimedOutReservationInsertIsReplayedAsBooked() {
        FailPoint.Armed fp = onRig.rig.arm(FailPoint.on("insert").collection("reservations").times(1)
                .writeConcernError(WTIMEOUT));
        Reservation booked = reserve("u2", ContractData.slot(0, 9, 0, 30));
        assertThat(fp.fired()).isEqualTo(1);
        assertThat(onRig.committedReservations()).extracting(d -> d.getString("_id")).containsExactly(booked.id());
    }

    @Test
    void aTimedOutFenceTombstoneIsResolvedAndTheOrphanStillCannotConfirm() {
        plantOrphan("ghost", ContractData.slot(0, 10, 0, 60), Instant.now().minus(Duration.ofHours(1)));
        FailPoint.Armed fp = onRig.rig.arm(FailPoint.on("insert").collection("reservations").times(1)
                .when(b -> b.toJson().contains("ABANDONED")).writeConcernError(WTIMEOUT));
        Reservation booked = reserve("u2", ContractData.slot(0, 10, 30, 60));
        assertThat(fp.fired()).isEqualTo(1);
        assertThat(onRig.committedReservations()).filteredOn(d -> "ghost".equals(d.getString("_id")))
                .extracting(d -> d.getString("status")).containsExactly("ABANDONED");
        assertThat(onRig.committedClaims("r1|2031-03-03")).extracting(d -> d.getString("rid")).containsExactly(booked.id());
    }

    @Test
    void aTimedOutCancelIsResolvedAndTheSlotCanBeBookedAgain() {
        Reservation first = reserve("u2", ContractData.slot(0, 11, 0, 60));
        FailPoint.Armed fp = onRig.rig.arm(FailPoint.on("findAndModify").collection("reservations").times(1)
                .writeConcernError(WTIMEOUT));
        assertThat(service.cancel(admin, first.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(fp.fired()).isEqualTo(1);
        assertThat(reserve("u3", ContractData.slot(0, 11, 0, 60)).userId()).isEqualTo("u3");
    }

    @Test
    void aReleaseThatFailsAfterACancelLeavesOnlyALeftoverTheNextBookingRemoves() {
        Reservation first = reserve("u2", ContractData.slot(0, 12, 0, 60));
        onRig.rig.arm(FailPoint.on("update").collection("room_days").times(2) // the first try and the driver's retry
                .when(b -> b.toJson().contains("$pull")).closeConnectionBeforeApplying());
        assertThat(service.cancel(admin, first.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(onRig.committedClaims("r1|2031-03-03")).as("a leftover").hasSize(1);
        Reservation second = reserve("u3", ContractData.slot(0, 12, 0, 60));
        assertThat(onRig.committedClaims("r1|2031-03-03")).extracting(d -> d.getString("rid")).containsExactly(second.id());
    }

    @Test
    void aCancelDuringAStalledCommitPointIsOutcomeUnknownAndLandsOnceTheSecondaryReturns() {
        Reservation first = reserve("u2", ContractData.slot(0, 13, 0, 60));
        onRig.rig.stallCommitPoint();
        assertThatThrownBy(() -> service.cancel(admin, first.id())).isInstanceOf(WriteOutcomeUnknownException.class);
        assertThat(stores.reservations().findById(first.id()).orElseThrow().status())
                .as("not committed yet").isEqualTo(ReservationStatus.CONFIRMED);
        onRig.rig.resumeCommitPoint();
        assertThat(onRig.rig.awaitReplicated(Duration.ofSeconds(5))).isTrue();
        assertThat(stores.reservations().findById(first.id()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(reserve("u3", ContractData.slot(0, 13, 0, 60)).userId()).isEqualTo("u3");
    }

    /** Claims of a booker that crashed after claiming: no reservation document, stamped {@code since}. */
    private void plantOrphan(String rid, TimeSlot slot, Instant since) {
        try (MongoClient raw = MongoClients.create(onRig.rig.connectionString())) {
            String hex = HexFormat.of().formatHex(rid.getBytes(StandardCharsets.UTF_8));
            raw.getDatabase(onRig.database()).getCollection("room_days").updateOne(Filters.eq("_id", "r1|2031-03-03"),
                    Updates.combine(Updates.push("claims", new Document("rid", rid).append("start", Date.from(slot.start()))
                                    .append("end", Date.from(slot.end()))), Updates.set("since." + hex, Date.from(since)),
                            Updates.setOnInsert("roomId", "r1"), Updates.setOnInsert("day", "2031-03-03")),
                    new UpdateOptions().upsert(true));
        }
        List<Document> claims = onRig.committedClaims("r1|2031-03-03");
        assertThat(claims).hasSize(1);
    }
}
