package dev.reservation.rig;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What the rig needs to know about a command: whether it writes (and is replicated), which
 * fields are the client's business only (sessions, concerns, cluster time) and are stripped before
 * a backend sees the command, and how a write is made deterministic so that replaying it on the
 * committed backend gives the same document: {@code $currentDate} is resolved to the rig's server
 * clock once, and an upsert's generated {@code _id} is pinned into its filter. Stateless.
 */
final class Commands {
    /** Commands that change data: applied, logged and replayed. Names lower-cased. */
    static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes", "create",
            "drop", "dropdatabase", "dropindexes", "renamecollection", "collmod");
    private static final Set<String> CLIENT_FIELDS = Set.of("lsid", "txnNumber", "$clusterTime", "readConcern",
            "writeConcern", "$readPreference", "autocommit", "startTransaction", "apiVersion", "apiStrict",
            "apiDeprecationErrors", "$db", "maxTimeMS");

    private Commands() {
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static boolean isWrite(String name) {
        return WRITES.contains(lower(name));
    }

    /** The collection a command names as its first value, or "" (e.g. for dropDatabase). */
    static String collection(BsonDocument command) {
        BsonValue first = command.get(command.getFirstKey());
        return first != null && first.isString() ? first.asString().getValue() : "";
    }

    /** A copy without the fields that only the rig interprets. */
    static BsonDocument forBackend(BsonDocument command) {
        BsonDocument copy = new BsonDocument();
        for (Map.Entry<String, BsonValue> e : command.entrySet()) {
            if (!CLIENT_FIELDS.contains(e.getKey())) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return copy.clone();
    }

    /** Replaces every {@code $currentDate} of an update or findAndModify by a {@code $set} of {@code now}. */
    static void resolveCurrentDate(BsonDocument command, Instant now) {
        String name = lower(command.getFirstKey());
        if (name.equals("update") && command.isArray("updates")) {
            for (BsonValue u : command.getArray("updates")) {
                if (u.isDocument() && u.asDocument().isDocument("u")) {
                    resolve(u.asDocument().getDocument("u"), now);
                }
            }
        } else if (name.equals("findandmodify") && command.isDocument("update")) {
            resolve(command.getDocument("update"), now);
        }
    }

    private static void resolve(BsonDocument update, Instant now) {
        if (!update.isDocument("$currentDate")) {
            return;
        }
        BsonDocument dates = update.remove("$currentDate").asDocument();
        BsonDocument set = update.isDocument("$set") ? update.getDocument("$set") : new BsonDocument();
        for (String field : dates.keySet()) {
            set.put(field, new BsonDateTime(now.toEpochMilli()));
        }
        update.put("$set", set);
    }

    /** Puts the {@code _id} a backend generated for an upsert into the filter that produced it. */
    static void pinUpserts(BsonDocument command, BsonDocument reply) {
        String name = lower(command.getFirstKey());
        if (name.equals("update") && reply.isArray("upserted") && command.isArray("updates")) {
            BsonArray updates = command.getArray("updates");
            for (BsonValue up : reply.getArray("upserted")) {
                BsonDocument u = up.asDocument();
                int index = u.getNumber("index").intValue();
                BsonDocument q = updates.get(index).asDocument().getDocument("q");
                if (!mentionsId(q)) {
                    q.put("_id", u.get("_id"));
                }
            }
        } else if (name.equals("findandmodify") && reply.isDocument("lastErrorObject")
                && reply.getDocument("lastErrorObject").containsKey("upserted")) {
            BsonDocument q = command.isDocument("query") ? command.getDocument("query") : new BsonDocument();
            if (!mentionsId(q)) {
                q.put("_id", reply.getDocument("lastErrorObject").get("upserted"));
            }
            command.put("query", q);
        }
    }

    /** True when a filter constrains {@code _id} somewhere (then the upsert takes its id from it). */
    private static boolean mentionsId(BsonValue filter) {
        if (filter.isDocument()) {
            for (Map.Entry<String, BsonValue> e : filter.asDocument().entrySet()) {
                if (e.getKey().equals("_id") || mentionsId(e.getValue())) {
                    return true;
                }
            }
        } else if (filter.isArray()) {
            return filter.asArray().stream().anyMatch(Commands::mentionsId);
        }
        return false;
    }

    static boolean ok(BsonDocument reply) {
        BsonValue ok = reply.get("ok");
        return ok != null && ok.isNumber() && ok.asNumber().doubleValue() == 1.0;
    }
}
