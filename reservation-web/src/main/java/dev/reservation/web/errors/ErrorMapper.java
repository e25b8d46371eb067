package dev.reservation.web.errors;

import dev.reservation.core.service.ReservationView;
import dev.reservation.core.domain.AccountDeactivatedException;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.IdempotencyKeyReusedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.NotFoundException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.TooManySignInAttemptsException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.web.booking.UnresolvedBookingException;
import dev.reservation.web.api.ApiError;
import dev.reservation.web.api.ReservationJson;
import dev.reservation.web.auth.LocalPasswordsOffException;
import dev.reservation.web.auth.SignInRequiredException;
import dev.reservation.web.auth.TokenRefusedException;
import dev.reservation.web.api.SuggestionsDto;
import dev.reservation.web.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: every {@link ReservationException} subclass,
 * Javalin's own HTTP errors (unknown route, body too large, wrong media type) and anything
 * unexpected. API paths ({@code /api/**}, {@code /health/**}) get an RFC 9457 problem
 * ({@code application/problem+json}, see {@link ApiError}); pages get a friendly HTML
 * page through {@link ErrorPageRenderer}. Never a stack trace in a response. A page that needs
 * sign-in redirects to it; the API answers 401 with a Basic challenge. Conflicting reservations
 * are shown as the caller may see them (others' as busy slots for a MEMBER). Thread-safe.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** Renders an error for browsers; supplied by the pages layer. */
    @FunctionalInterface
    public interface ErrorPageRenderer {
        void render(Context ctx, ApiError error);
    }

    private final int retryAfterSeconds;
    private final long maxRequestBytes;
    private final Function<String, Room> roomById;
    private final ErrorPageRenderer pages;

    /** @param roomById finds a room for rendering conflicts, or returns null */
    public ErrorMapper(int retryAfterSeconds, long maxRequestBytes, Function<String, Room> roomById,
                       ErrorPageRenderer pages) {
        this.retryAfterSeconds = retryAfterSeconds;
        this.maxRequestBytes = maxRequestBytes;
        this.roomById = roomById;
        this.pages = pages;
    }

    public static final String CHALLENGE = "Basic realm=\"reservations\"";
    public static final String BEARER_CHALLENGE = "Bearer realm=\"reservations\", error=\"invalid_token\"";

    public void register(RoutesConfig routes) {
        routes.exception(Exception.class, this::handle);
        // Javalin maps its own HTTP errors (unknown route, body too large) by this exact class first
        routes.exception(HttpResponseException.class, this::handle);
    }

    private void handle(Exception e, Context ctx) {
        if (e instanceof SignInRequiredException signIn && !Requests.isApi(ctx)) {
            ctx.redirect(signIn.signInUrl(), HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, describe(e));
    }

    public void respond(Context ctx, ApiError error) {
        if (error.retryAfterSeconds() != null) {
            ctx.header("Retry-After", String.valueOf(error.retryAfterSeconds()));
        }
        ctx.status(error.status());
        if (error.status() == 401 && Requests.isApi(ctx)) {
            ctx.header("WWW-Authenticate", error.type().endsWith(":token-refused") ? BEARER_CHALLENGE : CHALLENGE);
        }
        if (Requests.isApi(ctx)) {
            ctx.json(error).contentType(ApiError.MEDIA_TYPE);
        } else {
            pages.render(ctx, error);
        }
    }

    /**
     * The status and body for a failure; the mapping every frontend path shares. Conflicts arrive
     * already shown as the asking actor may see them (the core masks them).
     */
    public ApiError describe(Exception e) {
        if (e instanceof ReservationException re) {
            return describeDomain(re);
        }
        if (e instanceof HttpResponseException http) {
            if (http.getStatus() == 413) {
                return ApiError.of(413, "the request body is too large: at most " + maxRequestBytes / 1024
                        + " KiB are accepted");
            }
            return ApiError.of(http.getStatus(), http.getMessage());
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("unexpected failure (ref {})", ref, e);
        return ApiError.of(500, "something went wrong on our side; it has been logged (ref " + ref + ")");
    }

    private ApiError describeDomain(ReservationException e) {
        String msg = e.getMessage();
        if (e instanceof SignInRequiredException) {
            return ApiError.of(401, msg);
        }
        if (e instanceof TokenRefusedException) {
            return ApiError.of(401, msg).typed("token-refused");
        }
        if (e instanceof AuthenticationFailedException) {
            return ApiError.of(401, msg).typed("authentication-failed");
        }
        if (e instanceof TooManySignInAttemptsException tooMany) {
            return ApiError.of(429, msg).withRetryAfter(retryAfterSeconds(tooMany));
        }
        if (e instanceof InvalidInputException invalid) {
            return ApiError.of(400, msg).withFields(invalid.fieldErrors());
        }
        if (e instanceof NotFoundException) {
            return ApiError.of(404, msg);
        }
        if (e instanceof ReservationConflictException conflict) {
            Room room = conflict.conflicts().isEmpty() ? null : roomById.apply(conflict.conflicts().get(0).roomId());
            return ApiError.of(409, msg).typed("reservation-conflict").withConflict(
                    conflict.conflicts().stream().map(ReservationView::of).map(v -> ReservationJson.of(v, room)).toList(),
                    room == null ? null : SuggestionsDto.of(conflict.suggestions(), room));
        }
        if (e instanceof AlreadyExistsException exists) {
            return ApiError.of(409, msg).typed("already-exists").withFields(java.util.Map.of(exists.field(), msg));
        }
        if (e instanceof ConcurrentUpdateException) {
            return ApiError.of(409, msg + "; read it again and retry").typed("concurrent-update");
        }
        if (e instanceof IdempotencyKeyReusedException reused) {
            return ApiError.of(422, msg).withOutcome(null, reused.originalId(), null);
        }
        if (e instanceof LocalPasswordsOffException) {
            return ApiError.of(403, msg).typed("local-passwords-off");
        }
        if (e instanceof PermissionDeniedException || e instanceof AccountDeactivatedException) {
            return ApiError.of(403, msg);
        }
        if (e instanceof StoreUnavailableException) {
            return ApiError.of(503, "the database is not available right now (nothing was changed); retry in a few"
                    + " seconds").typed("store-unavailable").withRetryAfter(retryAfterSeconds);
        }
        if (e instanceof UnresolvedBookingException unresolved) {
            String id = unresolved.reservationId().orElse(null);
            return ApiError.of(503, "outcome UNKNOWN: the booking may or may not have been stored"
                            + (id == null ? "" : " as reservation " + id) + "; it has NOT been reported as failed."
                            + " Retry the same request with Idempotency-Key: " + unresolved.idempotencyKey()
                            + " (it can never book twice)" + (id == null ? "" : ", or look up GET /api/v1/reservations/"
                            + id))
                    .typed("outcome-unknown").withOutcome("UNKNOWN", id, unresolved.idempotencyKey())
                    .withRetryAfter(retryAfterSeconds);
        }
        if (e instanceof WriteOutcomeUnknownException unknown && unknown.idempotencyKey().isPresent()) {
            // a series (or another keyed write) names what it tried and the key whose retry settles it
            String id = unknown.reservationId().orElse(null);
            return ApiError.of(503, "outcome UNKNOWN: " + msg + ". It has NOT been reported as failed; retry the same"
                            + " request with Idempotency-Key: " + unknown.idempotencyKey().get()
                            + " (it can never book twice)")
                    .withOutcome("UNKNOWN", id, unknown.idempotencyKey().get()).withRetryAfter(retryAfterSeconds);
        }
        if (e instanceof WriteOutcomeUnknownException) {
            return ApiError.of(503, "outcome UNKNOWN: the change may or may not have been applied; read the"
                    + " reservation again, then retry if needed (cancelling is safe to repeat)")
                    .typed("outcome-unknown").withOutcome("UNKNOWN", null, null).withRetryAfter(retryAfterSeconds);
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("unmapped reservation failure (ref {})", ref, e);
        return ApiError.of(500, "something went wrong on our side; it has been logged (ref " + ref + ")");
    }

    /** Whole seconds, rounded up, at least 1: a client that waits that long is let in. */
    public static int retryAfterSeconds(TooManySignInAttemptsException e) {
        long millis = e.retryAfter().toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }
}
