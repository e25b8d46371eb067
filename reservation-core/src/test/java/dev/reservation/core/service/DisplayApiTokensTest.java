package dev.reservation.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.auth.ApiToken;
import dev.reservation.core.auth.TokenScope;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.memory.InMemoryApiTokenStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.store.OpsClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Door-display tokens are API tokens with a room: made, looked up, touched and revoked the same way. */
class DisplayApiTokensTest {
    final OpsClock clock = new OpsClock(Instant.parse("2031-01-06T09:00:00Z"));
    final InMemoryApiTokenStore store = new InMemoryApiTokenStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    final Actor admin = new Actor("admin", Role.ADMIN);
    final Actor ada = new Actor("u1", Role.MEMBER);
    ApiTokens here;
    ApiTokens elsewhere;

    @BeforeEach
    void wire() {
        users.insert(new User("admin", "Admin", "admin@example.com", Role.ADMIN));
        users.insert(new User("u1", "Ada", "ada@example.com", Role.MEMBER));
        here = tokens();
        elsewhere = tokens();
    }

    ApiTokens tokens() {
        return new ApiTokens(store, users, () -> UUID.randomUUID().toString(), clock, new SecureRandom(),
                ApiTokens.DEFAULT_CACHE);
    }

    @Test
    void aDisplayTokenOpensOnlyItsRoomsDisplayAndNeverTheApi() {
        ApiTokens.Issued d = here.issueDisplay(admin, "r1", "Door display of Blue");
        assertThat(d.token()).startsWith(ApiTokens.PREFIX).hasSize(ApiTokens.PREFIX.length() + 43);
        assertThat(d.stored().scope()).isEqualTo(TokenScope.DISPLAY);
        assertThat(d.stored().roomId()).isEqualTo("r1");
        assertThat(d.stored().userId()).isEqualTo(ApiToken.displayOwner("r1"));
        assertThat(d.stored().digest()).isEqualTo(ApiTokens.digest(d.token())).isNotEqualTo(d.token());

        assertThat(elsewhere.resolveDisplay("r1", d.token())).map(ApiToken::id).contains(d.stored().id());
        assertThat(elsewhere.resolveDisplay("r2", d.token())).as("another room's display").isEmpty();
        assertThatThrownBy(() -> elsewhere.resolve(d.token())).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("door-display token");

        ApiTokens.Issued api = here.issue(ada, "u1", "laptop", TokenScope.BOOK);
        assertThat(here.resolveDisplay("r1", api.token())).as("a personal token opens no display").isEmpty();
        assertThat(here.resolve(api.token())).isPresent();
        assertThat(here.list(ada, "u1")).extracting(ApiToken::id).containsExactly(api.stored().id());
    }

    @Test
    void nobodyButAnAdminIssuesOneAndNobodyPicksTheDisplayScopeForAPersonalToken() {
        assertThatThrownBy(() -> here.issueDisplay(ada, "r1", "x")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> here.revokeDisplay(ada, "r1")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> here.issue(admin, "admin", "mine", TokenScope.DISPLAY))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TokenScope.parse("display")).isInstanceOf(InvalidInputException.class);
        assertThat(TokenScope.DISPLAY.allowedFor(Role.ADMIN)).isFalse();
    }

    @Test
    void issuingANewOneRevokesTheOldAtOnceHereAndWithinTheCacheTimeElsewhere() {
        ApiTokens.Issued first = here.issueDisplay(admin, "r1", "Door display of Blue");
        ApiTokens.Issued other = here.issueDisplay(admin, "r2", "Door display of Green");
        assertThat(elsewhere.resolveDisplay("r1", first.token())).isPresent();
        clock.advance(Duration.ofSeconds(1));

        ApiTokens.Issued second = here.issueDisplay(admin, "r1", "Door display of Blue");
        assertThat(here.resolveDisplay("r1", first.token())).isEmpty();
        assertThat(here.displayTokens("r1")).extracting(ApiToken::id).containsExactly(second.stored().id());
        assertThat(here.displayTokens("r2")).extracting(ApiToken::id).containsExactly(other.stored().id());
        assertThat(elsewhere.resolveDisplay("r1", first.token())).as("cached there, within the bound").isPresent();
        clock.advance(ApiTokens.DEFAULT_CACHE);
        assertThat(elsewhere.resolveDisplay("r1", first.token())).isEmpty();
        assertThat(elsewhere.resolveDisplay("r1", second.token())).isPresent();

        assertThat(here.revokeDisplay(admin, "r1")).isEqualTo(1);
        assertThat(here.resolveDisplay("r1", second.token())).isEmpty();
        assertThat(here.displayTokens("r1")).isEmpty();
        assertThat(here.resolveDisplay("r2", other.token())).isPresent();
    }

    @Test
    void aDisplaysUseIsRecordedAtMostOncePerMinute() {
        ApiTokens.Issued d = here.issueDisplay(admin, "r1", "Door display of Blue");
        Instant first = clock.instant();
        here.resolveDisplay("r1", d.token());
        clock.advance(Duration.ofSeconds(20));
        here.resolveDisplay("r1", d.token());
        assertThat(here.displayTokens("r1").get(0).lastUsedAt()).isEqualTo(first);
        clock.advance(ApiTokens.TOUCH_EVERY);
        here.resolveDisplay("r1", d.token());
        assertThat(here.displayTokens("r1").get(0).lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void anIssuerLeavingDoesNotStopTheDisplay() {
        ApiTokens.Issued d = here.issueDisplay(admin, "r1", null);
        assertThat(d.stored().name()).isEqualTo("Door display of r1");
        users.update(new User("admin", "Admin", "admin@example.com", Role.ADMIN, false));
        assertThat(tokens().resolveDisplay("r1", d.token())).isPresent();
    }
}
