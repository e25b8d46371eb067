package dev.reservation.cli;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import dev.reservation.cli.input.UsageErrorException;
import dev.reservation.cli.output.Tables;
import dev.reservation.cli.output.Times;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.BookingRuleViolationException;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.IdempotencyKeyReusedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.NotFoundException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.Suggestions;
import dev.reservation.core.domain.TooManySignInAttemptsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.ReservationView;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * THE mapping from a failure to an exit code and the text on stderr: one clear line, plus detail
 * lines for a reservation conflict (the conflicting reservations, shown only as busy slots unless
 * the actor may see them, and the suggestions). Pure; thread-safe.
 */
public final class Failures {
    /** What to tell: the exit code, the headline, and any detail lines. */
    public record Failure(ExitCode exit, String headline, List<String> details) {
        public Failure {
            details = List.copyOf(details);
        }

        Failure(ExitCode exit, String headline) {
            this(exit, headline, List.of());
        }
    }

    private final Function<String, Optional<Room>> rooms;
    private final Supplier<Map<String, User>> users;

    /**
     * @param rooms rooms by id, for rendering conflict times in the room's zone; must not do I/O.
     *     Conflicts arrive already masked by the core (busy slots unless the actor may see them).
     */
    public Failures(Function<String, Optional<Room>> rooms) {
        this(rooms, Map::of);
    }

    /** @param users everyone by id, asked only for a conflict's details (to name people, not ids) */
    public Failures(Function<String, Optional<Room>> rooms, Supplier<Map<String, User>> users) {
        this.rooms = rooms;
        this.users = users;
    }

    private Map<String, User> knownUsers() {
        try {
            return users.get();
        } catch (RuntimeException storeTrouble) {
            return Map.of(); // ids then: the failure is reported either way
        }
    }

    public Failure describe(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof BookingRuleViolationException e) {
            return new Failure(ExitCode.USAGE, "booking rule broken (" + label(e.rule()) + "): " + e.getMessage());
        }
        if (t instanceof InvalidInputException e) {
            return new Failure(ExitCode.USAGE, "invalid " + e.field() + ": " + e.getMessage());
        }
        if (t instanceof NotFoundException e) {
            return new Failure(ExitCode.NOT_FOUND, "not found: " + e.getMessage());
        }
        if (t instanceof ReservationConflictException e) {
            return conflict(e);
        }
        if (t instanceof AlreadyExistsException e) {
            return new Failure(ExitCode.CONFLICT, "already exists: " + e.getMessage());
        }
        if (t instanceof IdempotencyKeyReusedException || t instanceof ConcurrentUpdateException) {
            return new Failure(ExitCode.CONFLICT, "conflict: " + t.getMessage());
        }
        if (t instanceof PermissionDeniedException e) {
            return new Failure(ExitCode.PERMISSION_DENIED, "permission denied: " + e.getMessage());
        }
        if (t instanceof AuthenticationFailedException || t instanceof TooManySignInAttemptsException) {
            return new Failure(ExitCode.SIGN_IN_FAILED, "sign-in failed: " + t.getMessage());
        }
        if (t instanceof UsageErrorException e) {
            return new Failure(ExitCode.USAGE, "usage error: " + e.getMessage());
        }
        if (t instanceof StoreUnavailableException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            return new Failure(ExitCode.STORE_UNAVAILABLE, "store unavailable: " + message
                    + (message.contains("nothing was changed") ? "" : " (nothing was changed; retrying is safe)"));
        }
        if (t instanceof WriteOutcomeUnknownException e && e.reservationId().isPresent()) {
            String id = e.reservationId().get();
            return new Failure(ExitCode.OUTCOME_UNKNOWN, "outcome unknown: reservation " + id + " MAY have been made"
                    + " (the store could not confirm it); look it up with 'reservation reservations show " + id + "'"
                    + e.idempotencyKey().map(key -> ", or repeat this command with --idempotency-key " + key
                            + ", which never books twice").orElse(""));
        }
        if (t instanceof WriteOutcomeUnknownException e) {
            return new Failure(ExitCode.OUTCOME_UNKNOWN, "outcome unknown: the change MAY have been applied: "
                    + e.getMessage() + "; check before retrying");
        }
        return new Failure(ExitCode.INTERNAL_ERROR, "internal error: " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()) + " (run with --verbose for the stack trace)");
    }

    private Failure conflict(ReservationConflictException e) {
        List<ReservationView> conflicts = e.conflicts().stream().map(ReservationView::of).toList();
        Optional<Room> room = conflicts.isEmpty() ? Optional.empty() : rooms.apply(conflicts.get(0).roomId());
        String roomName = room.map(Room::name).orElse(conflicts.isEmpty() ? "the room" : conflicts.get(0).roomId());
        List<String> details = new ArrayList<>();
        for (ReservationView seen : conflicts) {
            details.add("  conflicts with: " + Tables.reservation(seen, room.orElse(null), knownUsers()));
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int allOrNothing = message.indexOf(" (all or nothing)");
        if (allOrNothing > 0) { // a series: its clashing occurrences are listed; suggestions are for one slot
            return new Failure(ExitCode.CONFLICT, "conflict: " + message.substring(0, allOrNothing)
                    + "; leave those days out with --except, or book the others with --skip-conflicts", details);
        }
        Suggestions s = e.suggestions();
        s.nextFreeSlotInRoom().ifPresentOrElse(
                slot -> details.add("  suggestion: " + roomName + " is next free "
                        + Times.slot(slot, room.map(Room::zone).orElse(ZoneOffset.UTC))),
                () -> details.add("  suggestion: " + roomName + " has no free slot of that length within the horizon"));
        details.add(s.otherFreeRooms().isEmpty()
                ? "  suggestion: no other room that fits is free at that time"
                : "  suggestion: free at that time: " + s.otherFreeRooms().stream()
                        .map(r -> r.name() + " (" + r.capacity() + (r.capacity() == 1 ? " seat, " : " seats, ")
                                + r.location() + ")")
                        .collect(Collectors.joining(", ")));
        return new Failure(ExitCode.CONFLICT, "conflict: " + roomName + " is already booked at that time ("
                + conflicts.size() + (conflicts.size() == 1 ? " reservation" : " reservations") + " in the way)",
                details);
    }

    /** Guice wraps what a provider throws; the failure that counts is inside. */
    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof ProvisionException || t instanceof CreationException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String label(BookingRuleViolationException.Rule rule) {
        return rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
