package dev.reservation.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do with API tokens; each store module extends it. */
public abstract class ApiTokenStoreContractTest {
    static final Instant T0 = Instant.parse("2031-01-06T09:00:00Z");

    /** A fresh, empty store. */
    protected abstract ApiTokenStore newStore();

    private ApiTokenStore store;

    @BeforeEach
    void fresh() {
        store = newStore();
    }

    static ApiToken token(String id, String user, TokenScope scope, Instant created) {
        return new ApiToken(id, user, "token " + id, scope, "digest-" + id, created, null);
    }

    @Test
    void findsATokenByDigestOnlyAndListsAUsersTokensOldestFirst() {
        store.insert(token("t2", "u1", TokenScope.BOOK, T0.plusSeconds(60)));
        store.insert(token("t1", "u1", TokenScope.READ, T0));
        store.insert(token("t3", "u2", TokenScope.ADMIN, T0));

        ApiToken found = store.findByDigest("digest-t1").orElseThrow();
        assertThat(found).isEqualTo(token("t1", "u1", TokenScope.READ, T0));
        assertThat(store.findByDigest("t1")).isEmpty();
        assertThat(store.forUser("u1")).extracting(ApiToken::id).containsExactly("t1", "t2");
        assertThat(store.forUser("u2")).extracting(ApiToken::scope).containsExactly(TokenScope.ADMIN);
        assertThat(store.forUser("nobody")).isEmpty();
    }

    @Test
    void revokingRemovesOnlyTheUsersOwnToken() {
        store.insert(token("t1", "u1", TokenScope.READ, T0));

        assertThat(store.revoke("u2", "t1")).as("someone else's").isFalse();
        assertThat(store.findByDigest("digest-t1")).isPresent();
        assertThat(store.revoke("u1", "t1")).isTrue();
        assertThat(store.findByDigest("digest-t1")).isEmpty();
        assertThat(store.forUser("u1")).isEmpty();
        assertThat(store.revoke("u1", "t1")).as("twice").isFalse();
    }

    @Test
    void aRoomsDisplayTokenKeepsItsRoomAndIsListedRevokedAndTouchedLikeAnyOther() {
        String owner = ApiToken.displayOwner("r1");
        ApiToken display = new ApiToken("d1", owner, "Door display of Blue", TokenScope.DISPLAY, "digest-d1", T0, null,
                "r1");
        store.insert(display);
        store.insert(token("t1", "u1", TokenScope.READ, T0));

        assertThat(store.findByDigest("digest-d1")).contains(display);
        assertThat(store.findByDigest("digest-t1").orElseThrow().roomId()).as("a personal token has no room").isNull();
        assertThat(store.forUser(owner)).containsExactly(display);
        assertThat(store.forUser("u1")).extracting(ApiToken::id).containsExactly("t1");
        store.touch("d1", T0.plusSeconds(30));
        assertThat(store.findByDigest("digest-d1").orElseThrow()).isEqualTo(display.usedAt(T0.plusSeconds(30)));
        assertThat(store.revoke("u1", "d1")).as("not the user's").isFalse();
        assertThat(store.revoke(owner, "d1")).isTrue();
        assertThat(store.findByDigest("digest-d1")).isEmpty();
        assertThat(store.findByDigest("digest-t1")).isPresent();
    }

    @Test
    void touchRecordsTheLastUseAndNeverGoesBack() {
        store.insert(token("t1", "u1", TokenScope.READ, T0));

        store.touch("t1", T0.plusSeconds(120));
        store.touch("t1", T0.plusSeconds(60));
        store.touch("missing", T0);

        assertThat(store.findByDigest("digest-t1").orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(120));
    }
}
