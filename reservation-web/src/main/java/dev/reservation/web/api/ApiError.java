package dev.reservation.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * Every error body of the API, an RFC 9457 problem ({@code application/problem+json}): {@code type}
 * (a URI naming the kind of problem, one of {@link #TYPE_PREFIX} plus a slug listed in the OpenAPI
 * document), {@code title} (the same for every problem of that type), {@code status} and
 * {@code detail} (this occurrence, in words). {@code error} repeats {@code detail}: clients written
 * before the problem format read it, and keep working. The rest only where it applies (field errors
 * for 400, conflicts and suggestions for a booking conflict, the outcome and the key to retry with
 * for a 503 whose outcome is unknown). Immutable, so thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "error"})
public record ApiError(
        String type,
        String title,
        int status,
        String detail,
        String error,
        Map<String, String> fields,
        List<ReservationJson> conflicts,
        SuggestionsDto suggestions,
        String outcome,
        String reservationId,
        String idempotencyKey,
        Integer retryAfterSeconds) {

    /** The media type of every error body of the API. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * Problem types are tag URIs (RFC 4151): stable names to compare, not pages to fetch. Each is
     * listed with its meaning in the OpenAPI document (component {@code Problem}).
     */
    public static final String TYPE_PREFIX = "tag:reservations.meeting-rooms,2026:problem:";

    /** A problem of the default type for its status. */
    public static ApiError of(int status, String message) {
        String slug = defaultSlug(status);
        return new ApiError(TYPE_PREFIX + slug, title(slug, status), status, message, message, null, null, null, null,
                null, null, null);
    }

    /** This problem with a more specific type than its status's default (a slug, e.g. {@code outcome-unknown}). */
    public ApiError typed(String slug) {
        return new ApiError(TYPE_PREFIX + slug, title(slug, status), status, detail, error, fields, conflicts,
                suggestions, outcome, reservationId, idempotencyKey, retryAfterSeconds);
    }

    public ApiError withFields(Map<String, String> f) {
        return new ApiError(type, title, status, detail, error, f, conflicts, suggestions, outcome, reservationId,
                idempotencyKey, retryAfterSeconds);
    }

    public ApiError withConflict(List<ReservationJson> c, SuggestionsDto s) {
        return new ApiError(type, title, status, detail, error, fields, c, s, outcome, reservationId, idempotencyKey,
                retryAfterSeconds);
    }

    public ApiError withOutcome(String o, String id, String key) {
        return new ApiError(type, title, status, detail, error, fields, conflicts, suggestions, o, id, key,
                retryAfterSeconds);
    }

    public ApiError withRetryAfter(int seconds) {
        return new ApiError(type, title, status, detail, error, fields, conflicts, suggestions, outcome, reservationId,
                idempotencyKey, seconds);
    }

    static String defaultSlug(int status) {
        return switch (status) {
            case 400 -> "invalid-input";
            case 401 -> "sign-in-required";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "idempotency-key-reused";
            case 429 -> "too-many-sign-ins";
            case 503 -> "unavailable";
            case 500 -> "internal";
            default -> "http-" + status;
        };
    }

    static String title(String slug, int status) {
        return switch (slug) {
            case "invalid-input" -> "The request is invalid";
            case "sign-in-required" -> "Sign-in required";
            case "authentication-failed" -> "Wrong or unknown credentials";
            case "token-refused" -> "API token refused";
            case "forbidden" -> "Not allowed";
            case "local-passwords-off" -> "Password sign-in is turned off";
            case "not-found" -> "Not found";
            case "method-not-allowed" -> "Method not allowed";
            case "conflict" -> "Conflict";
            case "reservation-conflict" -> "The room is already booked then";
            case "already-exists" -> "Already exists";
            case "concurrent-update" -> "Changed by someone else meanwhile";
            case "body-too-large" -> "Request body too large";
            case "unsupported-media-type" -> "Unsupported media type";
            case "idempotency-key-reused" -> "Idempotency key reused for another request";
            case "too-many-sign-ins" -> "Too many failed sign-ins";
            case "store-unavailable" -> "Store unavailable: nothing was changed";
            case "outcome-unknown" -> "Outcome unknown: the change may or may not have been applied";
            case "unavailable" -> "Service unavailable";
            case "internal" -> "Internal error";
            default -> "HTTP " + status;
        };
    }
}
