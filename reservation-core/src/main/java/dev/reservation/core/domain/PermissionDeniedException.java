package dev.reservation.core.domain;

/** The acting user may not do this (for example cancel someone else's reservation as a MEMBER). */
public final class PermissionDeniedException extends ReservationException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
