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
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import dev.reservation.core.series.Occurrence;
import dev.reservation.core.series.SeriesRequest;
import dev.reservation.core.series.SeriesService;
import dev.reservation.core.series.SeriesView;
import dev.reservation.core.time.TimeText;
import dev.reservation.web.api.SeriesApiRoutes;
import dev.reservation.web.api.SeriesBody;
import dev.reservation.web.pages.view.PreviewRow;
import dev.reservation.web.pages.view.RepeatForm;

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
    private final SeriesService series;

    public ReserveRoutes(Pages pages, KeyedBookings bookings, ReserveForms forms, RoomService rooms, UserService users,
                         ReservationRows rows, ErrorMapper errors, SeriesService series) {
        this.series = series;
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
        RepeatForm repeat = RepeatForm.fromBody(ctx);
        if (repeat.active()) {
            submitSeries(ctx, actor, form, repeat);
            return;
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

    /**
     * A repeating booking: "Preview dates" lists every day with the clashing, refused and non-existent
     * ones marked, booking nothing; "Reserve" books the series (all or nothing unless "skip" is ticked)
     * and shows its page. Problems come back on the form with the preview, the values and the key kept.
     */
    private void submitSeries(Context ctx, Actor actor, ReserveForm form, RepeatForm repeat) {
        boolean preview = "preview".equals(ctx.formParam("action"));
        SeriesRequest request = null;
        try {
            request = seriesRequest(actor, form, repeat);
            if (preview) {
                SeriesView planned = series.preview(actor, request);
                long problems = planned.occurrences().stream().filter(o -> problem(o.kind())).count();
                show(ctx, form, Map.of(), problems == 0 ? "All " + planned.occurrences().size()
                        + " dates listed below are free. Press Reserve to book them."
                        : problems + " of the dates below cannot be booked (marked). Change the time, or tick"
                        + " \"skip dates that clash\" to book the others.", List.of(), List.of(), repeat,
                        previewRows(planned));
                return;
            }
            SeriesView booked = SeriesApiRoutes.bookKeyed(series, actor, request);
            ctx.redirect("/series/" + booked.series().id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            Map<String, String> fields = e.fieldErrors();
            reshowSeries(ctx, e, form, repeat, fields, List.of());
        } catch (ReservationConflictException e) {
            List<PreviewRow> marked = List.of();
            try {
                marked = previewRows(series.preview(actor, request));
            } catch (RuntimeException ignored) {
                // the message alone then
            }
            reshowSeries(ctx, e, form, repeat, Map.of(), marked);
        } catch (StoreUnavailableException | dev.reservation.core.domain.WriteOutcomeUnknownException e) {
            reshowSeries(ctx, e, form, repeat, Map.of(), List.of()); // same key: submitting again is safe
        } catch (IdempotencyKeyReusedException e) {
            reshowSeries(ctx, e, form.withKey(ReserveForms.newKey()), repeat, Map.of(), List.of());
        }
    }

    private static boolean problem(Occurrence.Kind kind) {
        return kind == Occurrence.Kind.CLASH || kind == Occurrence.Kind.NOT_A_TIME || kind == Occurrence.Kind.REFUSED;
    }

    private SeriesRequest seriesRequest(Actor actor, ReserveForm form, RepeatForm repeat) {
        Params p = new Params();
        Optional<LocalDate> date = p.date("date", form.date(), true);
        Optional<LocalTime> start = p.time("start", form.start(), true);
        Optional<LocalTime> end = p.time("end", form.end(), true);
        Optional<Integer> attendees = p.integer("attendees", form.attendees(), 1, 10_000, true);
        if (form.endDate() != null && !form.endDate().isBlank()) {
            p.reject("endDate", "a repeating booking starts and ends on its day (or runs past midnight); leave the"
                    + " end date empty");
        }
        p.throwIfAny();
        long minutes = Duration.between(start.get(), end.get()).toMinutes();
        if (minutes <= 0) {
            minutes += 24 * 60; // an end at or before the start is on the next day, as for a single booking
        }
        String rule = repeat.rule(date.get());
        String key = form.key() == null || form.key().isBlank() ? ReserveForms.newKey() : form.key();
        return SeriesApiRoutes.request(new SeriesBody(form.roomId(), form.userId(), form.title(), attendees.get(),
                form.date(), form.start(), null, (int) minutes, rule, List.of(),
                repeat.skip() ? "SKIP_CONFLICTS" : "ALL_OR_NOTHING"), actor, Optional.of("form-series-" + key));
    }

    private List<PreviewRow> previewRows(SeriesView view) {
        ZoneId zone = view.series().zone();
        List<PreviewRow> out = new ArrayList<>();
        for (Occurrence o : view.occurrences()) {
            String state = switch (o.kind()) {
                case FREE -> "free";
                case CLASH -> "clashes";
                case NOT_A_TIME -> "no such time";
                case REFUSED -> "not allowed";
                case LATER -> "booked later";
                default -> o.kind().name().toLowerCase(java.util.Locale.ROOT);
            };
            out.add(new PreviewRow(o.day().toString(), o.slot().map(slot -> TimeText.slot(slot, zone))
                    .orElse(o.day() + " (" + zone.getId() + ")"), state, o.note().orElse(""), problem(o.kind())));
        }
        return out;
    }

    private void reshowSeries(Context ctx, RuntimeException e, ReserveForm form, RepeatForm repeat,
                              Map<String, String> fieldErrors, List<PreviewRow> preview) {
        ApiError described = errors.describe(e);
        ctx.status(described.status());
        if (described.retryAfterSeconds() != null) {
            ctx.header("Retry-After", String.valueOf(described.retryAfterSeconds()));
        }
        String message = e instanceof ReservationConflictException
                ? e.getMessage() + ". The clashing dates are marked below; change the time or tick \"skip dates"
                + " that clash\"."
                : e instanceof dev.reservation.core.domain.WriteOutcomeUnknownException
                ? "We could not confirm whether this series was saved — it has not failed for sure. Press Reserve"
                + " again in a few seconds to find out: this form can never book a date twice."
                : e instanceof StoreUnavailableException
                ? "The database is not available right now and nothing was saved. Press Reserve again in a few"
                + " seconds."
                : e instanceof IdempotencyKeyReusedException
                ? "This form was already used for another series. Submit again to make a new one."
                : fieldErrors.size() > 1 ? "Please correct the marked fields." : described.error();
        show(ctx, form, fieldErrors, message, List.of(), List.of(), repeat, preview);
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
        show(ctx, form, fieldErrors, message, conflicts, suggestions, RepeatForm.none(), List.of());
    }

    private void show(Context ctx, ReserveForm form, Map<String, String> fieldErrors, String message,
                      List<ReservationRow> conflicts, List<Suggestion> suggestions, RepeatForm repeat,
                      List<PreviewRow> preview) {
        List<UserDto> bookable = CurrentUser.isAdmin(ctx)
                ? users.list().stream().filter(User::active).map(UserDto::of).toList()
                : List.of(UserDto.of(CurrentUser.get(ctx)));
        ReserveView view = new ReserveView(form, bookable,
                rooms.list().stream().filter(Room::active).map(RoomDto::of).toList(), fieldErrors, message,
                conflicts, suggestions, forms.choices(form, "start"), forms.choices(form, "end"), repeat, preview);
        pages.page(ctx, "reserve.jte", "Reserve a room", view);
    }
}
