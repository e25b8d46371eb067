package dev.reservation.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.auth.Permissions.Operation;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole matrix: every operation × role × (own | someone else's). */
class PermissionsTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMIN);
    private static final Actor MEMBER = new Actor("member", Role.MEMBER);

    @ParameterizedTest(name = "{0} by {1} on {2}: {3}")
    @CsvSource({
        "MANAGE_USERS, ADMIN,  own,   true",
        "MANAGE_USERS, ADMIN,  other, true",
        "MANAGE_USERS, MEMBER, own,   false",
        "MANAGE_USERS, MEMBER, other, false",
        "MANAGE_ROOMS, ADMIN,  own,   true",
        "MANAGE_ROOMS, ADMIN,  other, true",
        "MANAGE_ROOMS, MEMBER, own,   false",
        "MANAGE_ROOMS, MEMBER, other, false",
        "RESERVE,      ADMIN,  own,   true",
        "RESERVE,      ADMIN,  other, true",
        "RESERVE,      MEMBER, own,   true",
        "RESERVE,      MEMBER, other, false",
        "CANCEL,       ADMIN,  own,   true",
        "CANCEL,       ADMIN,  other, true",
        "CANCEL,       MEMBER, own,   true",
        "CANCEL,       MEMBER, other, false",
        "SEE_DETAILS,  ADMIN,  own,   true",
        "SEE_DETAILS,  ADMIN,  other, true",
        "SEE_DETAILS,  MEMBER, own,   true",
        "SEE_DETAILS,  MEMBER, other, false",
    })
    void decidesEveryOperationForEveryRoleAndOwnership(Operation op, Role role, String whose, boolean allowed) {
        Actor actor = role == Role.ADMIN ? ADMIN : MEMBER;
        String owner = whose.equals("own") ? actor.userId() : "someone-else";
        assertThat(Permissions.allowed(actor, op, owner)).isEqualTo(allowed);
        if (allowed) {
            Permissions.require(actor, op, owner);
        } else {
            assertThatThrownBy(() -> Permissions.require(actor, op, owner))
                    .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("may not");
        }
    }
}
