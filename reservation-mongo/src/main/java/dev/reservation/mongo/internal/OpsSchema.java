package dev.reservation.mongo.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The collections of room operations, created idempotently beside {@link Schema} (kept apart so the
 * schema's own evolution and this one do not touch the same lines). New collections only: nothing in
 * the existing ones changes shape, so the schema version stays.
 *
 * <pre>
 * room_ops        {_id: roomId, requiresApproval, approvers[], checkInBeforeMin, checkInAfterMin,
 *                  autoRelease, displayTokenHash?}
 * quotas          {_id: scope ("*" or roomId), minutesPerWeek?, openAtOnce?}
 * quota_counters  {_id: "week|scope|userId|yyyy-Www" | "open|scope|userId", used, periodEnd?,
 *                  holds[{rid, amount, end, at}]}                  holds_at(holds.at)
 * reservations    gains checkedInAt?, approvedAt?, approvedBy?, reason?, and the statuses PENDING,
 *                 DECLINED, EXPIRED, AUTO_RELEASED                 status_start(status, start)
 * </pre>
 */
public final class OpsSchema {
    public static final String ROOM_OPS = "room_ops";
    public static final String QUOTAS = "quotas";
    public static final String QUOTA_COUNTERS = "quota_counters";

    private OpsSchema() {
    }

    public static void ensure(MongoDatabase db) {
        MongoFailures.write("preparing the room-operations collections", () -> {
            db.getCollection(QUOTA_COUNTERS).createIndex(Indexes.ascending("holds.at"), new IndexOptions().name("holds_at"));
            // the sweeps read by status over a window of starts (pending to expire, confirmed to release)
            db.getCollection(Schema.RESERVATIONS).createIndex(Indexes.ascending("status", "start"),
                    new IndexOptions().name("status_start"));
            return null;
        });
    }
}
