package dev.reservation.core.hooks;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.WebhookNotFoundException;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook subscriptions: who may make, see and end them, and which subscriptions a change of a
 * reservation goes to ({@link #consumersFor}). Any user may subscribe to their own reservations
 * ({@link WebhookSubscription.Scope#OWN}); an ADMIN also to everyone's ({@code ALL}), which stops
 * matching should the owner stop being an ADMIN. A deactivated owner's subscriptions match nothing.
 * The secret ({@value #SECRET_PREFIX} and 256 random bits) is shown once, when made.
 *
 * <p>{@link #consumersFor} runs on every booking, so it reads the subscriptions from a snapshot at
 * most {@code cacheFor} old (this instance's own changes refresh it at once): a subscription made
 * through another instance starts receiving within that time. A subscription never receives a
 * change made before it existed. Thread-safe.
 */
public final class Webhooks {
    public static final String SECRET_PREFIX = "whsec_";
    public static final int MAX_PER_OWNER = 20;
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(2);

    /** A subscription as just made, its secret included (shown this once). */
    public record Created(WebhookSubscription subscription) {
    }

    private record Snapshot(List<WebhookSubscription> enabled, Instant until) {
    }

    private final WebhookStore store;
    private final OutboxStore outbox;
    private final UserStore users;
    private final RoomStore rooms;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random;
    private final UrlPolicy policy;
    private final Duration cacheFor;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN);

    public Webhooks(WebhookStore store, OutboxStore outbox, UserStore users, RoomStore rooms, IdGenerator ids,
                    Clock clock, SecureRandom random, UrlPolicy policy, Duration cacheFor) {
        this.store = Objects.requireNonNull(store);
        this.outbox = Objects.requireNonNull(outbox);
        this.users = Objects.requireNonNull(users);
        this.rooms = Objects.requireNonNull(rooms);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.policy = Objects.requireNonNull(policy);
        this.cacheFor = Objects.requireNonNull(cacheFor);
    }

    public UrlPolicy policy() {
        return policy;
    }

    /**
     * Subscribes {@code actor} to {@code events} of its own reservations, or (with {@code everyone}, an
     * ADMIN only) of everyone's, in {@code roomIds} (empty: every room).
     */
    public Created create(Actor actor, String url, Set<ChangeKind> events, Set<String> roomIds, boolean everyone) {
        if (everyone && actor.role() != Role.ADMIN) {
            throw new PermissionDeniedException("only an admin may subscribe to everyone's reservations;"
                    + " subscribe to your own instead");
        }
        String checked = policy.check(url).toString();
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("events", "name at least one event: " + String.join(", ", EventTypes.all()));
        }
        Set<String> roomSet = roomIds == null ? Set.of() : Set.copyOf(roomIds);
        for (String roomId : roomSet) {
            if (rooms.findById(roomId).isEmpty()) {
                throw new RoomNotFoundException(roomId);
            }
        }
        long owned = store.all().stream().filter(s -> s.ownerId().equals(actor.userId())).count();
        if (owned >= MAX_PER_OWNER) {
            throw new InvalidInputException("url", "you have " + owned + " subscriptions, the most one user may have;"
                    + " delete one first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        WebhookSubscription s = new WebhookSubscription(ids.newId(), actor.userId(), checked, events, roomSet,
                everyone ? WebhookSubscription.Scope.ALL : WebhookSubscription.Scope.OWN,
                SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret), clock.instant(), true,
                null, null, 0);
        store.insert(s);
        forget();
        return new Created(s);
    }

    /** What {@code actor} may see: an admin every subscription, anyone else their own; oldest first. */
    public List<WebhookSubscription> list(Actor actor) {
        return store.all().stream().filter(s -> visible(actor, s)).toList();
    }

    public WebhookSubscription get(Actor actor, String id) {
        return store.find(id).filter(s -> visible(actor, s)).orElseThrow(() -> new WebhookNotFoundException(id));
    }

    /** Ends the subscription and drops its deliveries (pending ones are never sent). */
    public void delete(Actor actor, String id) {
        WebhookSubscription s = get(actor, id);
        if (!store.delete(s.id())) {
            throw new WebhookNotFoundException(id);
        }
        forget();
        outbox.purge(s.consumer());
    }

    /**
     * Switches it on (its failures forgotten: what waits is delivered, oldest first) or off (nothing
     * new is queued for it; what was queued waits).
     */
    public WebhookSubscription setEnabled(Actor actor, String id, boolean on) {
        for (int attempt = 0; attempt < 5; attempt++) {
            WebhookSubscription s = get(actor, id);
            if (s.enabled() == on) {
                return s;
            }
            WebhookSubscription next = s.switched(on, "switched off by " + actor.userId());
            if (store.replace(s.version(), next)) {
                forget();
                return next;
            }
        }
        throw new dev.reservation.core.domain.ConcurrentUpdateException("subscription " + id
                + " kept changing; try again");
    }

    /** Its newest {@code limit} deliveries, newest first. */
    public List<OutboxEntry> deliveries(Actor actor, String id, int limit) {
        WebhookSubscription s = get(actor, id);
        return outbox.recent(s.consumer(), Math.max(1, Math.min(limit, 200)));
    }

    /**
     * The outbox consumers (one per subscription) that the change which produced {@code r}, made at
     * {@code changedAt}, goes to: enabled, made before the change, subscribed to its kind and room,
     * and allowed to see it.
     */
    public List<String> consumersFor(Reservation r, Instant changedAt) {
        List<WebhookSubscription> enabled = enabled();
        if (enabled.isEmpty() || r.neverBooked() || r.status() == dev.reservation.core.domain.ReservationStatus.HELD) {
            return List.of();
        }
        ChangeKind kind = ChangeKind.of(r);
        List<String> consumers = new ArrayList<>();
        for (WebhookSubscription s : enabled) {
            if (s.events().contains(kind) && s.coversRoom(r.roomId()) && !s.createdAt().isAfter(changedAt)
                    && sees(s, r)) {
                consumers.add(s.consumer());
            }
        }
        return consumers;
    }

    List<WebhookSubscription> enabled() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (now.isBefore(s.until())) {
            return s.enabled();
        }
        List<WebhookSubscription> fresh = store.all().stream().filter(WebhookSubscription::enabled).toList();
        snapshot = new Snapshot(fresh, now.plus(cacheFor));
        return fresh;
    }

    /** Drops the snapshot: this instance changed a subscription. */
    public void forget() {
        snapshot = new Snapshot(List.of(), Instant.MIN);
    }

    private boolean sees(WebhookSubscription s, Reservation r) {
        if (s.ownerId().equals(Actor.LOCAL_OPERATOR.userId())) {
            return s.scope() == WebhookSubscription.Scope.ALL || r.userId().equals(s.ownerId());
        }
        Optional<User> owner = users.findById(s.ownerId()).filter(User::active);
        if (owner.isEmpty()) {
            return false;
        }
        return r.userId().equals(s.ownerId())
                || (s.scope() == WebhookSubscription.Scope.ALL && owner.get().role() == Role.ADMIN);
    }

    private static boolean visible(Actor actor, WebhookSubscription s) {
        return actor.role() == Role.ADMIN || s.ownerId().equals(actor.userId());
    }
}
