package dev.reservation.mongo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.MongoCredential;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** The translator, fed the driver's own exception types. */
class MongoFailuresTest {
    private static final ServerAddress HOST = new ServerAddress("db1", 27017);

    private static ReservationException write(MongoException e) {
        return MongoFailures.translate(e, "booking", true);
    }

    @Test
    void serverSelectionTimeoutIsUnavailable() {
        assertThat(write(new MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector")))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("no primary");
    }

    @Test
    void connectionRefusedIsUnavailable() {
        assertThat(write(new MongoSocketOpenException("Exception opening socket", HOST, new IOException("refused"))))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void notPrimaryOnAWriteIsOutcomeUnknownBecauseItMayAnswerTheDriversRetryOfALandedWrite() {
        BsonDocument reply = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(10107))
                .append("errmsg", new BsonString("not primary"));
        assertThat(write(new MongoNotPrimaryException(reply, HOST))).isInstanceOf(WriteOutcomeUnknownException.class);
    }

    @Test
    void notPrimaryWithNoWritesPerformedIsUnavailable() {
        BsonDocument reply = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(10107))
                .append("errmsg", new BsonString("not primary"));
        MongoNotPrimaryException e = new MongoNotPrimaryException(reply, HOST);
        e.addLabel("NoWritesPerformed");
        assertThat(write(e)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void authFailuresAreUnavailable() {
        assertThat(write(new MongoSecurityException(MongoCredential.createCredential("app", "admin", "x".toCharArray()),
                "auth failed"))).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void socketTimeoutAfterSendingIsOutcomeUnknownForWrites() {
        MongoSocketReadTimeoutException e = new MongoSocketReadTimeoutException("Timed out while receiving message",
                HOST, new SocketTimeoutException());
        assertThat(write(e)).isInstanceOf(WriteOutcomeUnknownException.class).hasCause(e);
    }

    @Test
    void brokenConnectionAfterSendingIsOutcomeUnknownForWrites() {
        assertThat(write(new MongoSocketReadException("Prematurely reached end of stream", HOST)))
                .isInstanceOf(WriteOutcomeUnknownException.class);
    }

    @Test
    void theSameFailureOnAReadIsUnavailable() {
        assertThat(MongoFailures.translate(new MongoSocketReadException("Prematurely reached end of stream", HOST),
                "listing", false)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void writeConcernTimeoutIsOutcomeUnknown() {
        WriteConcernError wtimeout = new WriteConcernError(64, "WriteConcernFailed", "waiting for replication timed out",
                new BsonDocument("wtimeout", new org.bson.BsonBoolean(true)));
        assertThat(write(new MongoWriteConcernException(wtimeout, HOST)))
                .isInstanceOf(WriteOutcomeUnknownException.class).hasMessageContaining("majority");
    }

    @Test
    void clientSideDeadlinesAndInterruptsAreOutcomeUnknown() {
        assertThat(write(new MongoOperationTimeoutException("timeoutMS expired")))
                .isInstanceOf(WriteOutcomeUnknownException.class);
        assertThat(write(new MongoInterruptedException("interrupted", new InterruptedException())))
                .isInstanceOf(WriteOutcomeUnknownException.class);
    }

    @Test
    void anErrorLabelledNoWritesPerformedIsUnavailable() {
        MongoSocketReadException e = new MongoSocketReadException("reset", HOST);
        e.addLabel("NoWritesPerformed");
        assertThat(write(e)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void recognisesDuplicateKeysInEveryWrapping() {
        MongoWriteException insert = new MongoWriteException(new WriteError(11000,
                "E11000 duplicate key error collection: reservations.users index: email_unique dup key: { email: \"a@b.c\" }",
                new BsonDocument()), HOST);
        BsonDocument reply = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(11000))
                .append("errmsg", new BsonString("E11000 duplicate key error index: _id_"));
        assertThat(MongoFailures.isDuplicateKey(insert)).isTrue();
        assertThat(MongoFailures.duplicateKeyIndex(insert)).isEqualTo("email_unique");
        assertThat(MongoFailures.isDuplicateKey(new MongoCommandException(reply, HOST))).isTrue();
        assertThat(MongoFailures.isDuplicateKey(new MongoTimeoutException("x"))).isFalse();
    }

    @Test
    void keepsDomainExceptionsThrownInsideAnOperation() {
        assertThatThrownBy(() -> MongoFailures.write("x", () -> {
            throw new StoreUnavailableException("mine", null);
        })).hasMessage("mine");
    }

    @Test
    void aClosedClientIsUnavailableButOtherIllegalStatesAreBugs() {
        assertThatThrownBy(() -> MongoFailures.read("listing", () -> {
            throw new IllegalStateException("state should be: open");
        })).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> MongoFailures.read("listing", () -> {
            throw new IllegalStateException("my bug");
        })).isExactlyInstanceOf(IllegalStateException.class);
    }
}
