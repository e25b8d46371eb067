package dev.reservation.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Every error body of the API: {@code error} always, the rest only where it applies (field errors
 * for 400, conflicts and suggestions for a booking conflict, the outcome and the key to retry with
 * for a 503 whose outcome is unknown).
 * Immutable, so thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        int status,
        String error,
        Map<String, String> fields,
        List<ReservationJson> conflicts,
        SuggestionsDto suggestions,
        String outcome,
        String reservationId,
        String idempotencyKey,
        Integer retryAfterSeconds) {

    public static ApiError of(int status, String error) {
        return new ApiError(status, error, null, null, null, null, null, null, null);
    }

    public ApiError withFields(Map<String, String> f) {
        return new ApiError(status, error, f, conflicts, suggestions, outcome, reservationId, idempotencyKey,
                retryAfterSeconds);
    }

    public ApiError withConflict(List<ReservationJson> c, SuggestionsDto s) {
        return new ApiError(status, error, fields, c, s, outcome, reservationId, idempotencyKey, retryAfterSeconds);
    }

    public ApiError withOutcome(String o, String id, String key) {
        return new ApiError(status, error, fields, conflicts, suggestions, o, id, key, retryAfterSeconds);
    }

    public ApiError withRetryAfter(int seconds) {
        return new ApiError(status, error, fields, conflicts, suggestions, outcome, reservationId, idempotencyKey,
                seconds);
    }
}
