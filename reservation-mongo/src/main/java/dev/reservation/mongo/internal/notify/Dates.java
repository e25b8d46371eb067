package dev.reservation.mongo.internal.notify;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Dates in and out of documents. */
final class Dates {
    private Dates() {
    }

    static Date date(Instant t) {
        return t == null ? null : Date.from(t);
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
