package dev.reservation.web.pages.view;

import java.util.Map;

/** A friendly error page: what happened and what to do; never a stack trace. Immutable, so thread-safe. */
public record ErrorView(int status, String heading, String message, Map<String, String> fields, boolean outcomeUnknown,
                        String reservationId, String idempotencyKey) {
    public ErrorView {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
