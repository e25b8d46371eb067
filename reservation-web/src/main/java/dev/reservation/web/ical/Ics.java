package dev.reservation.web.ical;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * Writes RFC 5545 calendars with iCal4j: feeds (no METHOD, as subscriptions expect) and
 * invitations ({@code METHOD:REQUEST} / {@code METHOD:CANCEL}, one event). Every DTSTART/DTEND
 * carries the TZID of the room's zone, and the calendar holds that zone's VTIMEZONE from iCal4j's
 * registry (its bundled definitions; see {@code ical4j.properties}): never a floating time. The
 * calendar is validated before it is written. Thread-safe (the registry is read-only once loaded).
 */
public final class Ics {
    public static final String PRODUCT = "-//Meeting-room reservations//Calendar 1.0//EN";
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * A subscribable feed named {@code name}: every event, cancelled ones with STATUS:CANCELLED. A
     * feed without events still holds {@code zone}'s VTIMEZONE: RFC 5545 wants at least one component.
     */
    public String feed(String name, List<IcsEvent> events, Instant stamp, ZoneId zone) {
        Calendar calendar = calendar(events, stamp, null);
        if (events.isEmpty()) {
            calendar.add(vtimezone(zone));
        }
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT15M"));
        return write(calendar);
    }

    /** An invitation for one event: REQUEST, or CANCEL when the event is cancelled. */
    public String invitation(IcsEvent event, Instant stamp) {
        return write(calendar(List.of(event), stamp, event.cancelled() ? Method.VALUE_CANCEL : Method.VALUE_REQUEST));
    }

    private Calendar calendar(List<IcsEvent> events, Instant stamp, String method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        if (method != null) {
            calendar.add(new Method(method));
        }
        Set<ZoneId> used = new LinkedHashSet<>();
        events.forEach(e -> used.add(e.zone()));
        for (ZoneId zone : used) {
            calendar.add(vtimezone(zone));
        }
        for (IcsEvent e : events) {
            calendar.add(event(e, stamp, method));
        }
        return calendar;
    }

    private VTimeZone vtimezone(ZoneId zone) {
        TimeZone tz = zones.getTimeZone(zone.getId());
        if (tz == null) {
            throw new IllegalArgumentException("iCal4j has no VTIMEZONE for " + zone.getId());
        }
        return tz.getVTimeZone();
    }

    private VEvent event(IcsEvent e, Instant stamp, String method) {
        VEvent event = new VEvent(false);
        event.add(new DtStamp(stamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new Uid(e.uid()));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, e.sequence())));
        event.add(new DtStart<>(local(e.start(), e.zone())));
        event.add(new DtEnd<>(local(e.end(), e.zone())));
        event.add(new Summary(e.summary()));
        event.add(new Location(e.location()));
        event.add(new Status(e.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        event.add(new Transp(e.cancelled() ? Transp.VALUE_TRANSPARENT : Transp.VALUE_OPAQUE));
        event.add(new Created(utc(e.created())));
        event.add(new LastModified(utc(e.lastModified())));
        if (!e.description().isEmpty()) {
            event.add(new Description(e.description()));
        }
        e.organizer().ifPresent(o -> event.add(new Organizer(new ParameterList(List.of(new Cn(o.name()))),
                mailto(o.email()))));
        e.attendee().ifPresent(a -> {
            ParameterList params = new ParameterList(List.of(new Cn(a.name()), Role.REQ_PARTICIPANT,
                    method == null || e.cancelled() ? PartStat.ACCEPTED : PartStat.NEEDS_ACTION, Rsvp.FALSE));
            event.add(new Attendee(params, mailto(a.email())));
        });
        return event;
    }

    private static ZonedDateTime local(Instant t, ZoneId zone) {
        return ZonedDateTime.ofInstant(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), zone);
    }

    private static Instant utc(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toInstant();
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email);
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("writing a calendar to a string failed", e);
        }
        return out.toString();
    }
}
