package dev.reservation.web.ical;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.User;
import dev.reservation.core.notify.FeedToken;
import dev.reservation.core.notify.FeedTokens;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.core.store.ReservationQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendar feeds: a user's own reservations (every room), and one room's reservations as the
 * token's owner may see them (a MEMBER sees others' bookings only as "Busy", with no owner, exactly
 * as {@link ReservationView} decides for the rest of the app). Both cover
 * {@link #PAST} back and {@link #AHEAD} ahead, cancellations included (STATUS:CANCELLED, so a
 * subscribed calendar drops them).
 *
 * <p>Cheap polling: {@link #prepare} reads the reservations and builds the events as plain
 * records, and the ETag is a hash of those; only when the client's {@code If-None-Match} differs is
 * the calendar built and written by iCal4j ({@link Prepared#render}). Thread-safe.
 */
public final class CalendarFeeds {
    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(400);

    /** A feed ready to answer: its ETag, and how to write it if the client needs the body. */
    public record Prepared(String etag, String name, List<IcsEvent> events, Ics ics, Instant stamp, ZoneId zone) {
        public String render() {
            return ics.feed(name, events, stamp, zone);
        }
    }

    private final FeedTokens tokens;
    private final ReservationService reservations;
    private final RoomService rooms;
    private final UserService users;
    private final Ics ics;
    private final Clock clock;
    private final String uidDomain;

    public CalendarFeeds(FeedTokens tokens, ReservationService reservations, RoomService rooms, UserService users,
                         Ics ics, Clock clock, String uidDomain) {
        this.tokens = tokens;
        this.reservations = reservations;
        this.rooms = rooms;
        this.users = users;
        this.ics = ics;
        this.clock = clock;
        this.uidDomain = uidDomain;
    }

    /** The feed of the token's owner; empty when the token opens no user feed. */
    public Optional<Prepared> userFeed(String token) {
        return tokens.resolve(token).filter(r -> r.token().feed().equals(FeedToken.USER_FEED)).map(reader -> {
            User me = reader.user();
            Actor actor = Actor.of(me);
            Instant now = clock.instant();
            List<ReservationView> views = reservations.find(actor,
                    ReservationQuery.all().user(me.id()).window(now.minus(PAST), now.plus(AHEAD)));
            return prepared(me.name() + " — reservations", views, actor, now, ZoneId.of("Etc/UTC"));
        });
    }

    /** The feed of room {@code roomId} for the token's owner; empty when the token does not open it. */
    public Optional<Prepared> roomFeed(String roomId, String token) {
        return tokens.resolve(token).filter(r -> r.token().roomId().filter(roomId::equals).isPresent()).flatMap(reader -> {
            Room room;
            try {
                room = rooms.get(roomId);
            } catch (RoomNotFoundException gone) {
                return Optional.empty();
            }
            Actor actor = Actor.of(reader.user());
            Instant now = clock.instant();
            List<ReservationView> views = reservations.find(actor,
                    ReservationQuery.all().room(roomId).window(now.minus(PAST), now.plus(AHEAD)));
            return Optional.of(prepared(room.name() + " — " + room.location(), views, actor, now, room.zone()));
        });
    }

    private Prepared prepared(String name, List<ReservationView> views, Actor actor, Instant now, ZoneId zone) {
        Map<String, Room> roomCache = new HashMap<>();
        Map<String, Optional<User>> userCache = new HashMap<>();
        List<IcsEvent> events = views.stream()
                .filter(v -> v.details().map(r -> !r.neverBooked()).orElse(true)) // rolled-back series days
                .map(v -> {
            Room room = roomCache.computeIfAbsent(v.roomId(), rooms::get);
            return event(v, room, v.details().flatMap(r -> userCache.computeIfAbsent(r.userId(), this::user)));
        }).toList();
        return new Prepared(etag(name, actor, events), name, events, ics, now, zone);
    }

    private Optional<User> user(String id) {
        try {
            return Optional.of(users.get(id));
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
    }

    private IcsEvent event(ReservationView v, Room room, Optional<User> owner) {
        String where = room.name() + ", " + room.location();
        Optional<Reservation> r = v.details();
        Instant created = r.map(Reservation::createdAt).orElse(v.slot().start());
        Instant modified = r.map(x -> x.cancelledAt() != null ? x.cancelledAt() : x.createdAt()).orElse(created);
        Optional<IcsEvent.Person> person = owner.map(u -> new IcsEvent.Person(u.name(), u.email()));
        return new IcsEvent(IcsEvent.uidOf(v.id(), uidDomain), r.map(Reservation::version).orElse(0L),
                v.status() != dev.reservation.core.domain.ReservationStatus.CONFIRMED, v.displayTitle(),
                v.slot().start(), v.slot().end(), room.zone(), where, person, Optional.empty(),
                r.map(x -> x.attendees() + " attendees").orElse(""), created, modified);
    }

    /** A strong validator over everything the body shows except DTSTAMP (the time it is written). */
    static String etag(String name, Actor actor, List<IcsEvent> events) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((name + "\n" + actor.userId() + "\n" + actor.role() + "\n").getBytes(StandardCharsets.UTF_8));
            for (IcsEvent e : events) {
                sha.update((e.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
