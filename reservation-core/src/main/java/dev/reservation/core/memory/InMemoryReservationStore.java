package dev.reservation.core.memory;

import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationNotFoundException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.UsageData;
import dev.reservation.core.domain.StoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reservations in this process's memory. Thread-safe with no global lock: each room has its own
 * {@link RoomBook} and lock, so two rooms are booked in parallel. Bookings that carry an
 * idempotency key also take one of a fixed set of key-striped locks (always before the room lock,
 * so the order is fixed and deadlock-free) to make "key unused, then insert" atomic across rooms.
 */
public final class InMemoryReservationStore implements ReservationStore {
    private static final int KEY_STRIPES = 64;

    private final ConcurrentHashMap<String, RoomBook> books = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Reservation> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> idByKey = new ConcurrentHashMap<>();
    /** Ids of each user's reservations, in booking order; a list costs a few bytes per entry. */
    private final ConcurrentHashMap<String, List<String>> idsByUser = new ConcurrentHashMap<>();
    private final Lock[] keyStripes = new Lock[KEY_STRIPES];
    /** Ids whose fate {@link #settle} sealed with no reservation: a booking of one of them fails. */
    private final Set<String> fenced = ConcurrentHashMap.newKeySet();

    public InMemoryReservationStore() {
        for (int i = 0; i < KEY_STRIPES; i++) {
            keyStripes[i] = new ReentrantLock();
        }
    }

    @Override
    public BookingOutcome book(Reservation candidate) {
        String key = candidate.idempotencyScope();
        if (key == null) {
            return bookInRoom(candidate);
        }
        Lock stripe = keyStripes[Math.floorMod(key.hashCode(), KEY_STRIPES)];
        stripe.lock();
        try {
            String earlier = idByKey.get(key);
            if (earlier != null) {
                return new BookingOutcome.Replayed(byId.get(earlier));
            }
            return bookInRoom(candidate);
        } finally {
            stripe.unlock();
        }
    }

    private BookingOutcome bookInRoom(Reservation candidate) {
        RoomBook book = books.computeIfAbsent(candidate.roomId(), id -> new RoomBook());
        book.lock.writeLock().lock();
        try {
            Reservation sameId = byId.get(candidate.id());
            if (sameId != null) {
                return new BookingOutcome.Replayed(sameId);
            }
            if (fenced.contains(candidate.id())) {
                throw new StoreUnavailableException("booking " + candidate.id() + " was abandoned while it waited; "
                        + "nothing was booked under that id, book again", null);
            }
            List<Reservation> conflicts = book.confirmedOverlapping(candidate.slot());
            if (!conflicts.isEmpty()) {
                return new BookingOutcome.Conflict(conflicts);
            }
            book.addConfirmed(candidate);
            byId.put(candidate.id(), candidate);
            List<String> ofUser = idsByUser.computeIfAbsent(candidate.userId(), u -> new ArrayList<>());
            synchronized (ofUser) {
                ofUser.add(candidate.id());
            }
            if (candidate.idempotencyScope() != null) {
                idByKey.put(candidate.idempotencyScope(), candidate.id());
            }
            return new BookingOutcome.Booked(candidate);
        } finally {
            book.lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Reservation> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Reservation> findByIdempotencyKey(String actorId, String key) {
        return Optional.ofNullable(idByKey.get(Reservation.scope(actorId, key))).map(byId::get);
    }

    @Override
    public Reservation cancel(String id, long expectedVersion, Instant at, String byUserId) {
        Reservation seen = byId.get(id);
        if (seen == null) {
            throw new ReservationNotFoundException(id);
        }
        RoomBook book = books.get(seen.roomId());
        book.lock.writeLock().lock();
        try {
            Reservation current = byId.get(id);
            if (current.version() != expectedVersion) {
                throw new ConcurrentUpdateException("reservation " + id + " is at version " + current.version()
                        + ", not " + expectedVersion);
            }
            if (!current.holdsRoom()) {
                return current;
            }
            Reservation cancelled = current.cancelled(at, byUserId);
            book.replaceCancelled(current, cancelled);
            byId.put(id, cancelled);
            return cancelled;
        } finally {
            book.lock.writeLock().unlock();
        }
    }

    @Override
    public Reservation transition(Reservation current, Reservation next) {
        if (!current.canBecome(next)) {
            throw new IllegalArgumentException("reservation " + current.id() + " cannot become " + next.status()
                    + " at version " + next.version() + " from " + current.status() + " at " + current.version());
        }
        Reservation seen = byId.get(current.id());
        if (seen == null) {
            throw new ReservationNotFoundException(current.id());
        }
        RoomBook book = books.get(seen.roomId());
        book.lock.writeLock().lock();
        try {
            Reservation now = byId.get(current.id());
            if (now.version() != current.version() || now.status() != current.status()) {
                throw new ConcurrentUpdateException("reservation " + current.id() + " is at version " + now.version()
                        + " (" + now.status() + "), not " + current.version() + " (" + current.status() + ")");
            }
            if (next.holdsRoom()) {
                book.replaceHolding(now, next);
            } else {
                book.replaceCancelled(now, next);
            }
            byId.put(next.id(), next);
            return next;
        } finally {
            book.lock.writeLock().unlock();
        }
    }

    /**
     * The stored reservation, or empty once a booking of {@code id} can never land: the id is fenced
     * first, and checked under its room's lock by every booking, so a booking either landed before
     * (and is found) or fails.
     */
    @Override
    public Optional<Reservation> settle(String id, String roomId) {
        fenced.add(id);
        Reservation r = byId.get(id);
        if (r == null) {
            // a booking that passed its fence check under its room lock may still be putting it in place:
            // wait for every room lock once (a booking holds its room's lock from the check to the put)
            for (RoomBook book : books.values()) {
                book.lock.writeLock().lock();
                book.lock.writeLock().unlock();
            }
            r = byId.get(id);
        }
        if (r != null) {
            fenced.remove(id);
        }
        return Optional.ofNullable(r);
    }

    /** Scans only the period's day buckets (and cancelled entries) of each room, never every reservation. */
    @Override
    public UsageData usage(Instant from, Instant to) {
        java.util.Map<String, long[]> totals = new java.util.HashMap<>();
        java.util.Map<String, Long> hours = new java.util.HashMap<>();
        for (RoomBook book : books.values()) {
            book.lock.readLock().lock();
            try {
                for (Reservation r : book.window(from, to, r -> r.slot().end().isAfter(from)
                        && r.slot().start().isBefore(to), ReservationQuery.MAX_LIMIT * 100)) {
                    UsageData.add(totals, hours, r, from, to);
                }
            } finally {
                book.lock.readLock().unlock();
            }
        }
        return UsageData.of(totals, hours);
    }

    @Override
    public List<Reservation> find(ReservationQuery query) {
        Instant from = query.from().orElse(null);
        Instant to = query.to().orElse(null);
        if (query.roomId().isPresent()) {
            RoomBook book = books.get(query.roomId().get());
            return book == null ? List.of() : inRoom(book, from, to, query);
        }
        List<Reservation> out = new ArrayList<>();
        if (query.userId().isPresent()) {
            List<String> ofUser = idsByUser.getOrDefault(query.userId().get(), List.of());
            List<String> ids;
            synchronized (ofUser) {
                ids = new ArrayList<>(ofUser);
            }
            for (String id : ids) {
                Reservation r = byId.get(id);
                if (r != null && query.matches(r)) {
                    out.add(r);
                }
            }
        } else {
            for (RoomBook book : books.values()) {
                out.addAll(inRoom(book, from, to, query));
            }
        }
        out.sort(RoomBook.ORDER);
        return out.size() > query.limit() ? List.copyOf(out.subList(0, query.limit())) : out;
    }

    /** Checks each room directly: a hash lookup and a short binary search per room, whatever the total. */
    @Override
    public Set<String> busyRooms(TimeSlot slot, Collection<String> roomIds) {
        Set<String> busy = new HashSet<>();
        for (String roomId : roomIds) {
            RoomBook book = books.get(roomId);
            if (book == null) {
                continue;
            }
            book.lock.readLock().lock();
            try {
                if (!book.confirmedOverlapping(slot).isEmpty()) {
                    busy.add(roomId);
                }
            } finally {
                book.lock.readLock().unlock();
            }
        }
        return busy;
    }

    private static List<Reservation> inRoom(RoomBook book, Instant from, Instant to, ReservationQuery query) {
        book.lock.readLock().lock();
        try {
            return book.window(from, to, query::matches, query.limit());
        } finally {
            book.lock.readLock().unlock();
        }
    }
}
