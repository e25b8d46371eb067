package dev.reservation.mongo.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import java.util.function.Supplier;

/**
 * The one place where driver exceptions become the port's failures; no {@code com.mongodb} type
 * leaves the adapter. Stateless and thread-safe.
 *
 * <p>The rule is "what can we promise about the write?":
 * <ul>
 *   <li><b>certainly not applied</b> → {@link StoreUnavailableException}: the error carries the
 *       {@code NoWritesPerformed} label; or no server could be selected in time (no primary), the
 *       connection could not be opened, authentication failed, or the pool was cleared before the
 *       command went out (the driver retries none of these after a send: a failure before its retry is
 *       sent makes it report the first attempt's error); or the operation was a read;</li>
 *   <li><b>may have been applied</b> → {@link WriteOutcomeUnknownException}: a write whose command
 *       was (or may have been) sent and then the socket broke or timed out, a write-concern error such
 *       as {@code wtimeout} (applied on the primary, not yet on a majority), a client-side operation
 *       timeout, an interrupt, "not primary"/"recovering" (with retryable writes that error usually
 *       answers the driver's retry, and says nothing about the first attempt, which may have landed),
 *       and any other error on a write that we cannot classify.</li>
 * </ul>
 * Duplicate-key errors are not failures of the store: callers test {@link #isDuplicateKey} and turn
 * them into conflicts or "already exists" themselves. The driver exception stays the cause.
 */
public final class MongoFailures {
    /** Server error codes: duplicate key, and "no writes performed" label from 6.0 servers. */
    static final int DUPLICATE_KEY = 11000;
    static final String NO_WRITES_PERFORMED = "NoWritesPerformed";

    private MongoFailures() {
    }

    /** Runs a read; every driver failure becomes {@link StoreUnavailableException}. */
    public static <T> T read(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw translate(e, what, false);
        } catch (IllegalStateException e) {
            throw closed(what, e);
        }
    }

    /** Runs a write; failures are translated as described in the class comment. */
    public static <T> T write(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw translate(e, what, true);
        } catch (IllegalStateException e) {
            throw closed(what, e);
        }
    }

    /** True when a unique index refused the write (code 11000), whatever the driver wrapped it in. */
    public static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException b) {
            return b.getWriteErrors().stream().anyMatch(err -> err.getCategory() == ErrorCategory.DUPLICATE_KEY);
        }
        return e.getCode() == DUPLICATE_KEY
                || e.getCode() == 11001
                || (e instanceof MongoCommandException c && c.getErrorCode() == DUPLICATE_KEY);
    }

    /** The name of the unique index that refused a duplicate, if the server said it (e.g. "email_1"). */
    public static String duplicateKeyIndex(MongoException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("index: ");
        if (at < 0) {
            return "";
        }
        String rest = message.substring(at + "index: ".length()).strip();
        int end = rest.indexOf(' ');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** Classifies one driver exception; {@code write} says whether the operation could change data. */
    public static ReservationException translate(MongoException e, String what, boolean write) {
        if (isCertainlyNotApplied(e) || !write) {
            return new StoreUnavailableException(what + ": the database is unavailable (" + reason(e)
                    + "); nothing was changed, try again shortly", e);
        }
        return new WriteOutcomeUnknownException(what + ": the write was sent but its outcome is unknown ("
                + reason(e) + "); it may have been applied, look it up before trying again", e);
    }

    private static boolean isCertainlyNotApplied(MongoException e) {
        if (e.hasErrorLabel(NO_WRITES_PERFORMED)) {
            return true;
        }
        if (e instanceof MongoOperationTimeoutException) {
            return false; // a client-side deadline may expire after the command went out
        }
        if (e instanceof MongoWriteConcernException) {
            return false;
        }
        if (e instanceof MongoBulkWriteException b && b.getWriteConcernError() != null) {
            return false;
        }
        return e instanceof MongoTimeoutException          // no server selected / no connection in time
                || e instanceof MongoSocketOpenException   // never connected
                || e instanceof MongoSecurityException     // authentication failed before any command
                || e instanceof MongoClientException;      // pool cleared, client closed, misconfiguration
    }

    private static String reason(MongoException e) {
        if (e instanceof MongoTimeoutException && !(e instanceof MongoOperationTimeoutException)) {
            return "no primary could be reached in time";
        }
        if (e instanceof MongoSocketOpenException) {
            return "cannot connect to the database server";
        }
        if (e instanceof MongoSecurityException) {
            return "authentication to the database failed";
        }
        if (e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException) {
            return "the server is not the primary";
        }
        if (e instanceof MongoWriteConcernException) {
            return "the write was not confirmed by a majority of the replica set in time";
        }
        return e.getClass().getSimpleName() + (e.getCode() > 0 ? " code " + e.getCode() : "");
    }

    /** The driver says "state should be: open" when a closed client is used; anything else is a bug. */
    private static RuntimeException closed(String what, IllegalStateException e) {
        if (!String.valueOf(e.getMessage()).contains("open")) {
            return e;
        }
        return new StoreUnavailableException(what + ": the store is closed (" + e.getMessage() + ")", e);
    }
}
