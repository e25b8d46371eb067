package dev.reservation.web.pages;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.domain.IdempotencyKeyReusedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.BookingReceipt;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.web.booking.KeyedBookings;
import dev.reservation.web.booking.UnresolvedBookingException;
import dev.reservation.web.api.ApiError;
import dev.reservation.web.api.RoomDto;
import dev.reservation.web.api.UserDto;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.errors.ErrorMapper;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.ReservationRow;
import dev.reservation.web.pages.view.ReserveForm;
import dev.reservation.web.pages.view.ReserveView;
import dev.reservation.web.pages.view.Suggestion;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;

/**
 * The /reserve form. A successful post redirects to /reservations (post/redirect/get); invalid
 * input and conflicts re-render the form with the values kept, messages next to the fields, and
 * after a conflict the conflicting reservations and one-click suggestions. While the store is
 * unavailable or a booking's outcome is unknown the form comes back with the SAME idempotency key,
 * so pressing Reserve again is safe. A MEMBER books for themselves (no user picker); an ADMIN picks
 * the user. Statuses come from the {@link ErrorMapper}; failures the form cannot help with (an
 * unknown user, a forbidden one) go to it whole. Thread-safe.
 */
public final class ReserveRoutes {
    private final Pages pages;
    private final KeyedBookings bookings;
    private final ReserveForms forms;
    private final RoomService rooms;
    private final UserService users;
    private final ReservationRows rows;
    private final ErrorMapper errors;

    public ReserveRoutes(Pages pages, KeyedBookings bookings, ReserveForms forms, RoomService rooms, UserService users,
                         ReservationRows rows, ErrorMapper errors) {
        this.pages = pages;
        this.bookings = bookings;
        this.forms = forms;
        this.rooms = rooms;
        this.users = users;
        this.rows = rows;
        this.errors = errors;
    }

    public void register(RoutesConfig routes) {
        routes.get("/reserve", ctx -> {
            User me = CurrentUser.get(ctx);
            ReserveForm form = ReserveForms.fromQuery(ctx, me.id());
            show(ctx, me.isAdmin() ? form : form.withUserId(me.id()), Map.of(), null, List.of(), List.of());
        });
        routes.post("/reserve", this::submit);
    }

    private void submit(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        ReserveForm form = ReserveForms.fromBody(ctx);
        if (!actor.isAdmin() && (form.userId() == null || form.userId().isBlank())) {
            form = form.withUserId(actor.userId()); // members book for themselves: the form has no picker
        }
        ReserveRequest request = null;
        try {
            request = KeyedBookings.withKey(forms.toRequest(form, new Params()), "form-");
            BookingReceipt receipt = bookings.book(actor, request);
            ctx.redirect(Links.to("/reservations", "booked", receipt.reservation().id()), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            reshow(ctx, e, form, e.fieldErrors(), List.of(), List.of());
        } catch (ReservationConflictException e) {
            reshow(ctx, e, form, Map.of(), rows.of(e.conflicts().stream().map(ReservationView::of).toList(), actor, ViewerZone.of(ctx)),
                    suggestions(form, request.slot(), e, ViewerZone.of(ctx)));
        } catch (StoreUnavailableException | UnresolvedBookingException e) {
            reshow(ctx, e, form, Map.of(), List.of(), List.of()); // same key: submitting again is safe
        } catch (IdempotencyKeyReusedException e) {
            reshow(ctx, e, form.withKey(ReserveForms.newKey()), Map.of(), List.of(), List.of());
        }
    }

    private void reshow(Context ctx, RuntimeException e, ReserveForm form, Map<String, String> fieldErrors,
                        List<ReservationRow> conflicts, List<Suggestion> suggestions) {
        ApiError described = errors.describe(e);
        ctx.status(described.status());
        if (described.retryAfterSeconds() != null) {
            ctx.header("Retry-After", String.valueOf(described.retryAfterSeconds()));
        }
        String message = e instanceof ReservationConflictException
                ? "That time is already taken in this room. Take one of the suggestions below, or change the time."
                : e instanceof IdempotencyKeyReusedException
                ? "This form was already used for a booking (reservation " + described.reservationId()
                + "). Check /reservations; submit again to make another booking."
                : e instanceof UnresolvedBookingException
                ? "We could not confirm whether this booking was saved — it has not failed for sure. Press Reserve"
                + " again in a few seconds to find out: this form can never book twice."
                : e instanceof StoreUnavailableException
                ? "The database is not available right now and nothing was saved. Press Reserve again in a few"
                + " seconds."
                : fieldErrors.size() > 0 ? "Please correct the marked fields." : described.error();
        show(ctx, form, fieldErrors, message, conflicts, suggestions);
    }

    private List<Suggestion> suggestions(ReserveForm form, TimeSlot asked, ReservationConflictException e,
                                         ZoneId viewer) {
        Room room = rooms.get(e.conflicts().get(0).roomId());
        List<Suggestion> result = new ArrayList<>();
        e.suggestions().nextFreeSlotInRoom().ifPresent(slot -> result.add(new Suggestion(
                room.name() + " — next free: " + Format.slot(slot, room.zone(), viewer),
                ReserveForms.forSlot(form, room, slot))));
        for (Room other : e.suggestions().otherFreeRooms()) {
            result.add(new Suggestion(other.name() + " (" + Format.seats(other.capacity()) + ", " + other.location()
                    + ") — same time: " + Format.slot(asked, other.zone(), viewer), ReserveForms.forSlot(form, other, asked)));
        }
        return result;
    }

    private void show(Context ctx, ReserveForm form, Map<String, String> fieldErrors, String message,
                      List<ReservationRow> conflicts, List<Suggestion> suggestions) {
        List<UserDto> bookable = CurrentUser.isAdmin(ctx)
                ? users.list().stream().filter(User::active).map(UserDto::of).toList()
                : List.of(UserDto.of(CurrentUser.get(ctx)));
        ReserveView view = new ReserveView(form, bookable,
                rooms.list().stream().filter(Room::active).map(RoomDto::of).toList(), fieldErrors, message,
                conflicts, suggestions, forms.choices(form, "start"), forms.choices(form, "end"));
        pages.page(ctx, "reserve.jte", "Reserve a room", view);
    }
}
