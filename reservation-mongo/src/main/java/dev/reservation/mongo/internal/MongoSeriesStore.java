package dev.reservation.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.SeriesNotFoundException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.series.Series;
import dev.reservation.core.series.SeriesMode;
import dev.reservation.core.series.SeriesState;
import dev.reservation.core.series.SeriesStore;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Series documents in {@code series} (see {@link SeriesSchema}); the client's majority write concern
 * applies. {@link #create} is one insert (a duplicate id or idempotency scope returns the document
 * already there); {@link #update} one findOneAndReplace matching the expected version, judged like the
 * reservation store's cancel when it does not match. Thread-safe.
 */
public final class MongoSeriesStore implements SeriesStore {
    private final MongoCollection<Document> series;

    public MongoSeriesStore(MongoCollection<Document> series) {
        this.series = series;
    }

    @Override
    public Series create(Series s) {
        return MongoFailures.write("saving series " + s.id(), () -> {
            try {
                series.insertOne(toDocument(s));
                return s;
            } catch (MongoException e) {
                if (!MongoFailures.isDuplicateKey(e)) {
                    throw e;
                }
                Document there = series.find(Filters.eq(Documents.ID, s.id())).first();
                if (there == null && s.idempotencyScope() != null) {
                    there = series.find(Filters.eq("idempotencyScope", s.idempotencyScope())).first();
                }
                if (there == null) {
                    throw new WriteOutcomeUnknownException("series " + s.id() + " collided with a document that is not "
                            + "readable yet; look it up again", e, s.id(), s.idempotencyKey());
                }
                return of(there);
            }
        });
    }

    @Override
    public Optional<Series> findById(String id) {
        return MongoFailures.read("looking up series " + id,
                () -> Optional.ofNullable(series.find(Filters.eq(Documents.ID, id)).first()).map(MongoSeriesStore::of));
    }

    @Override
    public Optional<Series> findByIdempotencyKey(String actorId, String key) {
        return MongoFailures.read("looking up series key " + key, () -> Optional.ofNullable(
                series.find(Filters.eq("idempotencyScope", Reservation.scope(actorId, key))).first())
                .map(MongoSeriesStore::of));
    }

    @Override
    public Series update(Series current, Series next) {
        if (!next.id().equals(current.id()) || next.version() != current.version() + 1) {
            throw new IllegalArgumentException("a series changes one version at a time, keeping its id");
        }
        return MongoFailures.write("changing series " + current.id(), () -> {
            Bson filter = Filters.and(Filters.eq(Documents.ID, current.id()), Filters.eq("version", current.version()));
            Document replaced = series.findOneAndReplace(filter, toDocument(next),
                    new FindOneAndReplaceOptions().returnDocument(ReturnDocument.AFTER));
            if (replaced != null) {
                return of(replaced);
            }
            Document seen = series.find(Filters.eq(Documents.ID, current.id())).first();
            if (seen == null) {
                throw new SeriesNotFoundException(current.id());
            }
            long version = ((Number) seen.get("version")).longValue();
            if (version != current.version()) {
                throw new ConcurrentUpdateException("series " + current.id() + " is at version " + version + ", not "
                        + current.version());
            }
            throw new WriteOutcomeUnknownException("series " + current.id() + " has a change that is not yet confirmed "
                    + "by a majority; look it up again", null, current.id(), null);
        });
    }

    @Override
    public List<Series> inState(SeriesState state, int limit) {
        return MongoFailures.read("listing " + state + " series", () -> series.find(Filters.eq("state", state.name()))
                .sort(Sorts.ascending("updatedAt", Documents.ID)).limit(limit).map(MongoSeriesStore::of)
                .into(new ArrayList<>()));
    }

    static Document toDocument(Series s) {
        Document d = new Document(Documents.ID, s.id()).append("roomId", s.roomId()).append("userId", s.userId())
                .append("createdBy", s.createdBy()).append("title", s.title()).append("attendees", s.attendees())
                .append("firstDay", s.firstDay().toString()).append("startTime", s.startTime().toString())
                .append("durationMinutes", s.durationMinutes()).append("zone", s.zone().getId())
                .append("rule", s.rule()).append("exdates", s.exdates().stream().map(LocalDate::toString).toList())
                .append("mode", s.mode().name()).append("state", s.state().name())
                .append("commitAs", s.commitAs().name());
        if (s.materialisedThrough() != null) {
            d.append("materialisedThrough", s.materialisedThrough().toString());
        }
        if (s.endsBefore() != null) {
            d.append("endsBefore", s.endsBefore().toString());
        }
        d.append("skipped", s.skipped().entrySet().stream()
                .map(e -> new Document("day", e.getKey().toString()).append("note", e.getValue())).toList());
        d.append("moved", s.moved().entrySet().stream()
                .map(e -> new Document("day", e.getKey().toString()).append("rid", e.getValue())).toList());
        d.append("createdAt", Documents.date(s.createdAt())).append("updatedAt", Documents.date(s.updatedAt()));
        if (s.cancelledAt() != null) {
            d.append("cancelledAt", Documents.date(s.cancelledAt())).append("cancelledBy", s.cancelledBy());
        }
        d.append("version", s.version());
        if (s.idempotencyKey() != null) {
            d.append("idempotencyKey", s.idempotencyKey()).append("idempotencyScope", s.idempotencyScope());
        }
        return d;
    }

    static Series of(Document d) {
        TreeSet<LocalDate> exdates = new TreeSet<>();
        d.getList("exdates", String.class, List.of()).forEach(x -> exdates.add(LocalDate.parse(x)));
        return new Series(d.getString(Documents.ID), d.getString("roomId"), d.getString("userId"),
                d.getString("createdBy"), d.getString("title"), ((Number) d.get("attendees")).intValue(),
                LocalDate.parse(d.getString("firstDay")), LocalTime.parse(d.getString("startTime")),
                ((Number) d.get("durationMinutes")).intValue(), ZoneId.of(d.getString("zone")), d.getString("rule"),
                exdates, SeriesMode.valueOf(d.getString("mode")), SeriesState.valueOf(d.getString("state")),
                ReservationStatus.valueOf(d.getString("commitAs")), day(d, "materialisedThrough"), day(d, "endsBefore"),
                days(d, "skipped", "note"), days(d, "moved", "rid"), Documents.instant(d, "createdAt"),
                Documents.instant(d, "updatedAt"), Documents.instant(d, "cancelledAt"), d.getString("cancelledBy"),
                ((Number) d.get("version")).longValue(), d.getString("idempotencyKey"));
    }

    private static LocalDate day(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static TreeMap<LocalDate, String> days(Document d, String field, String valueField) {
        TreeMap<LocalDate, String> out = new TreeMap<>();
        for (Document e : d.getList(field, Document.class, List.of())) {
            out.put(LocalDate.parse(e.getString("day")), e.getString(valueField));
        }
        return out;
    }
}
