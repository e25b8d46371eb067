package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
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
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interleaving of the replication-rig issue, made deterministic with two fail points on the
 * rig (a SIMULATION of a PSA set): the commit point stalls just before a booking's reservation
 * insert (the secondary goes down), and comes back the moment a {@code $pull} of room-day claims is
 * applied, which is exactly when the old protocol released the claims of a booking that had landed.
 */
class StalledCommitPointTest {
    private final OnRig onRig = new OnRig();
    private final MongoStores stores = onRig.open();
    private final ReservationService service = OnRig.service(stores);
    private final Actor admin;

    StalledCommitPointTest() {
        OnRig.seed(stores, 3);
        admin = Actor.of(new User("u1", "User u1", "u1@example.com", Role.ADMIN));
    }

    @AfterEach
    void close() {
        onRig.close();
    }

    private ReserveRequest request(String user, TimeSlot slot, String key) {
        return new ReserveRequest("r1", user, slot, "Planning", 2, Optional.ofNullable(key));
    }

    @Test
    void aBookingWhoseInsertOutlivesTheWriteTimeoutKeepsItsClaimsAndBlocksAnOverlappingOne() {
        TimeSlot slot = ContractData.slot(0, 10, 0, 60);
        onRig.rig.arm(FailPoint.on("insert").collection("reservations").times(1)
                .beforeApplying(onRig.rig::stallCommitPoint));
        onRig.rig.arm(FailPoint.on("update").collection("room_days").times(1)
                .when(body -> body.toJson().contains("$pull"))
                .afterApplying(onRig.rig::resumeCommitPoint));

        Reservation booked = null;
        try {
            booked = service.reserve(admin, request("u2", slot, "key-first"));
        } catch (WriteOutcomeUnknownException e) {
            // allowed: the client was not told it failed; look it up below
        }
        onRig.rig.resumeCommitPoint();
        assertThat(onRig.rig.awaitReplicated(Duration.ofSeconds(5))).isTrue();

        Document stored = onRig.committedReservations().stream()
                .filter(d -> "CONFIRMED".equals(d.getString("status"))).findFirst().orElseThrow();
        if (booked != null) {
            assertThat(booked.id()).isEqualTo(stored.getString("_id"));
        }
        assertThat(onRig.committedClaims("r1|2031-03-03")).as("claims of the confirmed reservation")
                .extracting(d -> d.getString("rid")).containsExactly(stored.getString("_id"));

        assertThatThrownBy(() -> service.reserve(admin, request("u3", ContractData.slot(0, 10, 30, 60), null)))
                .as("an overlapping booking after the stall")
                .isInstanceOf(ReservationConflictException.class);
    }

    @Test
    void aNotWritablePrimaryOnTheDriversRetryOfALandedInsertIsNeverReportedAsNothingChanged() {
        onRig.rig.arm(FailPoint.on("insert").collection("reservations").times(1).closeConnectionAfterApplying());
        onRig.rig.arm(FailPoint.on("insert").collection("reservations").skip(1).times(1).error(10107));

        Reservation booked;
        try {
            booked = service.reserve(admin, request("u2", ContractData.slot(0, 14, 0, 30), null));
        } catch (ReservationException e) {
            assertThat(e).as("the insert landed: booked or outcome unknown, never 'nothing was changed'")
                    .isInstanceOf(WriteOutcomeUnknownException.class);
            return;
        }
        assertThat(onRig.committedReservations()).extracting(d -> d.getString("_id")).containsExactly(booked.id());
    }
}
