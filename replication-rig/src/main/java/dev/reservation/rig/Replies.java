package dev.reservation.rig;

import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;

/** Reply documents shaped as mongod shapes them: errors, write-concern errors, cluster time. Stateless. */
final class Replies {
    /** Codes after which a 4.4+ server labels a failed retryable write {@code RetryableWriteError}. */
    static final Set<Integer> RETRYABLE_CODES = Set.of(6, 7, 89, 91, 134, 189, 262, 9001, 10107, 11600, 11602,
            13435, 13436);
    static final int NOT_WRITABLE_PRIMARY = 10107;
    static final int NOT_PRIMARY_NO_SECONDARY_OK = 13435;
    static final int WRITE_CONCERN_FAILED = 64;
    static final int INTERRUPTED_DUE_TO_REPL_STATE_CHANGE = 11602;
    static final int CURSOR_NOT_FOUND = 43;
    static final int MAX_TIME_EXPIRED = 50;
    private static final int EPOCH_SECONDS = (int) (System.currentTimeMillis() / 1000);

    private Replies() {
    }

    static BsonDocument ok() {
        return new BsonDocument("ok", new BsonDouble(1));
    }

    static BsonDocument error(int code, String message, boolean retryableWrite, List<String> labels) {
        BsonDocument d = new BsonDocument("ok", new BsonDouble(0)).append("errmsg", new BsonString(message))
                .append("code", new BsonInt32(code)).append("codeName", new BsonString(codeName(code)));
        BsonArray l = new BsonArray();
        labels.forEach(s -> l.add(new BsonString(s)));
        if (labels.isEmpty() && retryableWrite && RETRYABLE_CODES.contains(code)) {
            l.add(new BsonString("RetryableWriteError"));
        }
        if (!l.isEmpty()) {
            d.put("errorLabels", l);
        }
        return d;
    }

    static BsonDocument notWritablePrimary(boolean retryableWrite) {
        return error(NOT_WRITABLE_PRIMARY, "not primary", retryableWrite, List.of());
    }

    /** Adds {@code writeConcernError} (next to any {@code writeErrors}, as mongod does). */
    static void addWriteConcernError(BsonDocument reply, int code, String message, BsonDocument writeConcern,
                                     boolean wtimeout, boolean retryableWrite) {
        BsonDocument info = new BsonDocument("writeConcern", writeConcern.clone());
        if (wtimeout) {
            info.put("wtimeout", BsonBoolean.TRUE);
        }
        reply.put("writeConcernError", new BsonDocument("code", new BsonInt32(code))
                .append("codeName", new BsonString(codeName(code))).append("errmsg", new BsonString(message))
                .append("errInfo", info));
        if (retryableWrite && RETRYABLE_CODES.contains(code)) {
            BsonArray labels = reply.isArray("errorLabels") ? reply.getArray("errorLabels") : new BsonArray();
            labels.add(new BsonString("RetryableWriteError"));
            reply.put("errorLabels", labels);
        }
    }

    /** The rig's cluster time for log timestamp {@code ts}: one epoch second, the entry count as increment. */
    static BsonTimestamp timestamp(long ts) {
        return new BsonTimestamp(EPOCH_SECONDS, (int) ts);
    }

    static void addClusterTime(BsonDocument reply, long operationTs, long clusterTs) {
        reply.put("operationTime", timestamp(operationTs));
        reply.put("$clusterTime", new BsonDocument("clusterTime", timestamp(clusterTs))
                .append("signature", new BsonDocument("hash", new BsonBinary(new byte[20]))
                        .append("keyId", new BsonInt64(0))));
    }

    static String codeName(int code) {
        return switch (code) {
            case 6 -> "HostUnreachable";
            case 7 -> "HostNotFound";
            case 43 -> "CursorNotFound";
            case 50 -> "MaxTimeMSExpired";
            case 64 -> "WriteConcernFailed";
            case 89 -> "NetworkTimeout";
            case 91 -> "ShutdownInProgress";
            case 115 -> "CommandNotSupported";
            case 189 -> "PrimarySteppedDown";
            case 262 -> "ExceededTimeLimit";
            case 9001 -> "SocketException";
            case 10107 -> "NotWritablePrimary";
            case 11600 -> "InterruptedAtShutdown";
            case 11602 -> "InterruptedDueToReplStateChange";
            case 13435 -> "NotPrimaryNoSecondaryOk";
            case 13436 -> "NotPrimaryOrSecondary";
            default -> "RigInjectedError" + code;
        };
    }
}
