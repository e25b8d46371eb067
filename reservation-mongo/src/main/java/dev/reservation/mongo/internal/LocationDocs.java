package dev.reservation.mongo.internal;

import dev.reservation.core.domain.Location;
import java.time.ZoneId;
import org.bson.Document;

/**
 * Location documents: {@code {_id, site, building, floor?, zone, key}}; {@code key} is the
 * lower-cased site|building|floor under the unique index {@code key_unique}. Stateless; thread-safe.
 */
public final class LocationDocs {
    private LocationDocs() {
    }

    public static Document of(Location l) {
        Document d = new Document(Documents.ID, l.id()).append("site", l.site()).append("building", l.building());
        if (l.floor() != null) {
            d.append("floor", l.floor());
        }
        return d.append("zone", l.zone().getId()).append("key", l.key());
    }

    public static Location location(Document d) {
        return new Location(d.getString(Documents.ID), d.getString("site"), d.getString("building"),
                d.getString("floor"), ZoneId.of(d.getString("zone")));
    }
}
