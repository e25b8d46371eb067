package dev.reservation.rig;

import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/** The write and read concerns a command asks for, as the rig interprets them. Stateless. */
final class Concerns {
    /** Waits without {@code maxTimeMS} are bounded so that no rig thread waits for ever. */
    static final long DEFAULT_READ_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private Concerns() {
    }

    /**
     * {@code majority}: wait for the commit point ({@code w:"majority"} or {@code w >= 2}, the same in a
     * PSA set); otherwise answer at once, as PSA's implicit default {@code w:1} does.
     */
    record Write(boolean majority, long timeoutNanos, BsonDocument raw) {
        static Write of(BsonDocument command) {
            if (!command.isDocument("writeConcern")) {
                return new Write(false, 0, new BsonDocument("w", new BsonInt32(1)));
            }
            BsonDocument wc = command.getDocument("writeConcern");
            BsonValue w = wc.get("w");
            boolean majority = w != null && ((w.isString() && w.asString().getValue().equals("majority"))
                    || (w.isNumber() && w.asNumber().intValue() >= 2));
            long timeout = wc.containsKey("wtimeout") ? wc.getNumber("wtimeout").longValue() : 0;
            return new Write(majority, TimeUnit.MILLISECONDS.toNanos(timeout), wc);
        }
    }

    /** The read concern level, the {@code afterClusterTime} (a log timestamp, 0 if none) and the time bound. */
    record Read(String level, long afterTs, long waitNanos) {
        static Read of(BsonDocument command) {
            BsonDocument rc = command.isDocument("readConcern") ? command.getDocument("readConcern") : new BsonDocument();
            String level = rc.isString("level") ? rc.getString("level").getValue() : "local";
            long after = rc.isTimestamp("afterClusterTime") ? Integer.toUnsignedLong(rc.getTimestamp("afterClusterTime").getInc()) : 0;
            long wait = command.containsKey("maxTimeMS") && command.get("maxTimeMS").isNumber()
                    && command.getNumber("maxTimeMS").longValue() > 0
                    ? TimeUnit.MILLISECONDS.toNanos(command.getNumber("maxTimeMS").longValue()) : DEFAULT_READ_WAIT_NANOS;
            return new Read(level, after, wait);
        }
    }
}
