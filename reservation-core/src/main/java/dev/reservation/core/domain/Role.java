package dev.reservation.core.domain;

public enum Role {
    /** Manages users and rooms; may cancel any reservation. */
    ADMIN,
    /** Books rooms for themselves; may cancel only their own reservations. */
    MEMBER
}
