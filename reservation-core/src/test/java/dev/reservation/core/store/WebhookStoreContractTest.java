package dev.reservation.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.hooks.WebhookStore;
import dev.reservation.core.hooks.WebhookSubscription;
import dev.reservation.core.notify.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store's webhook subscriptions must do; {@link #sameStoreAgain()} stands for a second app instance. */
public abstract class WebhookStoreContractTest {
    private static final Instant T0 = Instant.parse("2031-01-01T08:00:00Z");

    /** A fresh, empty store. */
    protected abstract WebhookStore freshStore();

    /** The store of the last {@link #freshStore()} as another process would open it. */
    protected abstract WebhookStore sameStoreAgain();

    private WebhookStore store;

    @BeforeEach
    void fresh() {
        store = freshStore();
    }

    static WebhookSubscription subscription(String id, Instant at) {
        return new WebhookSubscription(id, "u1", "https://hooks.example.org/" + id,
                Set.of(ChangeKind.BOOKED, ChangeKind.CANCELLED), Set.of("room-b", "room-a"),
                WebhookSubscription.Scope.OWN, "whsec_secret-" + id, at, true, null, null, 0);
    }

    @Test
    void keepsEveryFieldAndListsOldestFirst() {
        store.insert(subscription("s2", T0.plusSeconds(5)));
        store.insert(subscription("s1", T0));
        WebhookSubscription failing = subscription("s3", T0.plusSeconds(9)).failing(T0.plusMillis(123_456_789));
        store.insert(failing);
        assertThat(sameStoreAgain().find("s2")).contains(subscription("s2", T0.plusSeconds(5)));
        assertThat(sameStoreAgain().find("s3")).contains(failing);
        assertThat(store.all()).extracting(WebhookSubscription::id).containsExactly("s1", "s2", "s3");
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void replaceIsACompareAndSetOnTheVersion() {
        WebhookSubscription s = subscription("s1", T0);
        store.insert(s);
        WebhookSubscription off = s.switched(false, "failing for a day");
        assertThat(store.replace(0, off)).isTrue();
        assertThat(sameStoreAgain().replace(0, s.failing(T0))).isFalse();
        assertThat(store.find("s1")).contains(off);
        assertThat(store.find("s1").orElseThrow().enabled()).isFalse();
        assertThat(store.replace(1, off.switched(true, null))).isTrue();
        assertThat(store.find("s1").orElseThrow().enabled()).isTrue();
        assertThat(store.replace(0, subscription("gone", T0))).isFalse();
    }

    @Test
    void twoInstancesRacingOnOneVersionOnlyOneWins() throws Exception {
        WebhookSubscription s = subscription("s1", T0);
        store.insert(s);
        WebhookStore[] instances = {store, sameStoreAgain()};
        List<Boolean> won = Concurrently.run(2, i -> instances[i].replace(0, s.failing(T0.plusSeconds(i))));
        assertThat(new ArrayList<>(won)).containsExactlyInAnyOrder(true, false);
        assertThat(store.find("s1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void insertingAnExistingIdFailsAndOverwritesNothing() {
        WebhookSubscription first = subscription("s1", T0);
        store.insert(first);
        WebhookSubscription other = new WebhookSubscription("s1", "u2", "https://elsewhere.example.org/",
                Set.of(ChangeKind.CHANGED), Set.of(), WebhookSubscription.Scope.ALL, "whsec_other", T0, true, null,
                null, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sameStoreAgain().insert(other))
                .isInstanceOf(dev.reservation.core.domain.AlreadyExistsException.class);
        assertThat(store.find("s1")).contains(first);
    }

    @Test
    void deleteRemovesOnce() {
        store.insert(subscription("s1", T0));
        assertThat(sameStoreAgain().delete("s1")).isTrue();
        assertThat(store.delete("s1")).isFalse();
        assertThat(store.find("s1")).isEmpty();
        assertThat(store.all()).isEmpty();
    }
}
