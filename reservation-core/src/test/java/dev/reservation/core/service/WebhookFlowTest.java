package dev.reservation.core.service;

import static dev.reservation.core.service.ServiceFixture.as;
import static dev.reservation.core.service.ServiceFixture.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.WebhookNotFoundException;
import dev.reservation.core.hooks.Signatures;
import dev.reservation.core.hooks.UrlPolicy;
import dev.reservation.core.hooks.WebhookDispatcher;
import dev.reservation.core.hooks.WebhookSubscription;
import dev.reservation.core.hooks.Webhooks;
import dev.reservation.core.memory.InMemoryOutboxStore;
import dev.reservation.core.memory.InMemoryWebhookStore;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.core.notify.OutboxConsumers;
import dev.reservation.core.notify.OutboxDrainer;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxRecorder;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks from a booking to a receiver, in process: which subscriptions a change goes to, order
 * per subscription, retries with the same event id, switching off after failing too long, and two
 * dispatchers (app instances) never delivering one event twice.
 */
class WebhookFlowTest {
    private static final Set<ChangeKind> ALL_KINDS = EnumSet.of(ChangeKind.BOOKED, ChangeKind.CHANGED,
            ChangeKind.CANCELLED, ChangeKind.REQUESTED, ChangeKind.AUTO_RELEASED);

    private final ServiceFixture f = new ServiceFixture();
    private final dev.reservation.core.store.OpsClock clock = new dev.reservation.core.store.OpsClock(ServiceFixture.NOW);
    private final InMemoryOutboxStore outbox = new InMemoryOutboxStore();
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final Webhooks webhooks = new Webhooks(store, outbox, f.users, f.rooms, IdGenerator.uuids(), clock,
            new SecureRandom(), new UrlPolicy(true, true), Duration.ofSeconds(2));
    private final ReservationService service = new ReservationService(f.users, f.rooms, f.reservations, f.search,
            BookingPolicy.DEFAULT, f.clock, IdGenerator.uuids(),
            new OutboxRecorder(outbox, (OutboxConsumers) webhooks::consumersFor, clock, e -> { }, () -> { }),
            BookingGate.OPEN);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final WebhookDispatcher.Settings settings = new WebhookDispatcher.Settings(
            new OutboxDrainer.Settings(1, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(5)),
            Duration.ofHours(24), 50);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A receiver: records (subscription, reservation, version, kind), can be told to fail the next n. */
    static final class Receiver implements WebhookDispatcher.Sender {
        final List<String> got = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failNext = new AtomicInteger();

        @Override
        public WebhookDispatcher.Attempt send(WebhookSubscription s, OutboxEntry e) {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return WebhookDispatcher.Attempt.failed("HTTP 500");
            }
            got.add(s.id() + "|" + e.reservationId() + "|" + e.version() + "|" + e.kind());
            return WebhookDispatcher.Attempt.delivered("HTTP 204");
        }
    }

    private WebhookSubscription subscribe(Actor actor, Set<ChangeKind> kinds, Set<String> rooms, boolean everyone) {
        return webhooks.create(actor, "https://hooks.example.org/in", kinds, rooms, everyone).subscription();
    }

    @Test
    void aChangeGoesToTheSubscriptionsThatMayAndWantToSeeIt() {
        WebhookSubscription graceOwn = subscribe(as(f.grace), ALL_KINDS, Set.of(), false);
        WebhookSubscription adminAll = subscribe(as(f.admin), ALL_KINDS, Set.of(), true);
        WebhookSubscription adminOwn = subscribe(as(f.admin), ALL_KINDS, Set.of(), false);
        WebhookSubscription mediumOnly = subscribe(as(f.admin), ALL_KINDS, Set.of(f.medium.id()), true);
        WebhookSubscription cancelsOnly = subscribe(as(f.admin), EnumSet.of(ChangeKind.CANCELLED), Set.of(), true);
        Reservation graces = service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        Reservation alans = service.reserve(as(f.alan), f.request(f.medium, f.alan, tomorrow(9, 0, 60)));
        service.cancel(as(f.alan), alans.id());
        assertThat(consumersOf(graces.id())).containsExactlyInAnyOrder(graceOwn.consumer(), adminAll.consumer());
        assertThat(consumersOf(alans.id())).containsExactlyInAnyOrder(adminAll.consumer(), adminAll.consumer(),
                mediumOnly.consumer(), mediumOnly.consumer(), cancelsOnly.consumer());
        assertThat(outbox.recent(adminOwn.consumer(), 10)).isEmpty();
        assertThat(outbox.recent(cancelsOnly.consumer(), 10)).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ChangeKind.CANCELLED));
    }

    @Test
    void aSubscriptionSeesNothingOnceItsOwnerIsDeactivatedOrNoLongerAnAdmin() {
        WebhookSubscription graceOwn = subscribe(as(f.grace), ALL_KINDS, Set.of(), false);
        WebhookSubscription adminAll = subscribe(as(f.admin), ALL_KINDS, Set.of(), true);
        Reservation r = service.reserve(as(f.alan), f.request(f.small, f.alan, tomorrow(11, 0, 30)));
        Reservation graces = service.reserve(as(f.grace), f.request(f.medium, f.grace, tomorrow(11, 0, 30)));
        assertThat(webhooks.consumersFor(r, clock.instant())).containsExactly(adminAll.consumer());
        f.users.update(f.grace.withActive(false));
        f.users.update(f.admin.withNameAndRole(f.admin.name(), dev.reservation.core.domain.Role.MEMBER));
        assertThat(webhooks.consumersFor(graces, clock.instant())).doesNotContain(graceOwn.consumer());
        assertThat(webhooks.consumersFor(r, clock.instant())).isEmpty();
    }

    @Test
    void aChangeMadeBeforeASubscriptionExistedIsNotSentToIt() {
        Reservation r = service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        clock.advance(Duration.ofSeconds(5));
        WebhookSubscription later = subscribe(as(f.grace), ALL_KINDS, Set.of(), false);
        assertThat(webhooks.consumersFor(r, r.createdAt())).doesNotContain(later.consumer());
        assertThat(webhooks.consumersFor(r, clock.instant())).contains(later.consumer());
    }

    @Test
    void whoMaySubscribeToWhatAndWhere() {
        assertThatThrownBy(() -> subscribe(as(f.grace), ALL_KINDS, Set.of(), true))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("only an admin");
        assertThatThrownBy(() -> subscribe(as(f.grace), Set.of(), Set.of(), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one event");
        assertThatThrownBy(() -> subscribe(as(f.grace), ALL_KINDS, Set.of("no-such-room"), false))
                .hasMessageContaining("no-such-room");
        Webhooks strict = new Webhooks(store, outbox, f.users, f.rooms, IdGenerator.uuids(), clock,
                new SecureRandom(), UrlPolicy.STRICT, Duration.ZERO);
        assertThatThrownBy(() -> strict.create(as(f.grace), "http://hooks.example.org/", ALL_KINDS, Set.of(), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> strict.create(as(f.grace), "https://localhost:8080/", ALL_KINDS, Set.of(), false))
                .hasMessageContaining("localhost");
        assertThatThrownBy(() -> strict.create(as(f.grace), "https://u:p@hooks.example.org/", ALL_KINDS, Set.of(),
                false)).hasMessageContaining("password");
        assertThatThrownBy(() -> strict.create(as(f.grace), "https://169.254.169.254/latest/", ALL_KINDS, Set.of(),
                false)).hasMessageContaining("link-local");
        assertThatThrownBy(() -> strict.create(as(f.grace), "https://[::1]:8443/", ALL_KINDS, Set.of(), false))
                .hasMessageContaining("this machine");
        WebhookSubscription s = subscribe(as(f.grace), ALL_KINDS, Set.of(), false);
        assertThat(s.secret()).startsWith(Webhooks.SECRET_PREFIX).hasSize(Webhooks.SECRET_PREFIX.length() + 43);
        assertThat(webhooks.list(as(f.alan))).isEmpty();
        assertThat(webhooks.list(as(f.admin))).extracting(WebhookSubscription::id).containsExactly(s.id());
        assertThatThrownBy(() -> webhooks.get(as(f.alan), s.id())).isInstanceOf(WebhookNotFoundException.class);
        assertThatThrownBy(() -> webhooks.delete(as(f.alan), s.id())).isInstanceOf(WebhookNotFoundException.class);
    }

    @Test
    void deliveryRefusesPrivateAddressesUnderTheStrictPolicy() throws Exception {
        UrlPolicy strict = UrlPolicy.STRICT;
        assertThat(strict.refusal(InetAddress.getByName("127.0.0.1"))).contains("this machine");
        assertThat(strict.refusal(InetAddress.getByName("169.254.169.254"))).contains("link-local");
        assertThat(strict.refusal(InetAddress.getByName("10.1.2.3"))).contains("private");
        assertThat(strict.refusal(InetAddress.getByName("172.20.0.1"))).contains("private");
        assertThat(strict.refusal(InetAddress.getByName("100.64.0.7"))).contains("private");
        assertThat(strict.refusal(InetAddress.getByName("fd00::1"))).contains("private");
        assertThat(strict.refusal(InetAddress.getByName("::1"))).contains("this machine");
        assertThat(strict.refusal(InetAddress.getByName("93.184.216.34"))).isNull();
        assertThat(new UrlPolicy(false, true).refusal(InetAddress.getByName("127.0.0.1"))).isNull();
    }

    @Test
    void eventsOfOneSubscriptionArriveInOrderAndAFailureHoldsBackTheRest() {
        WebhookSubscription s = subscribe(as(f.grace), ALL_KINDS, Set.of(), false);
        Reservation r = service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        clock.advance(Duration.ofMillis(5));
        service.cancel(as(f.grace), r.id());
        Receiver receiver = new Receiver();
        receiver.failNext.set(1);
        WebhookDispatcher dispatcher = new WebhookDispatcher(store, outbox, receiver, clock, settings);
        WebhookDispatcher.Result first = dispatcher.tick(pool);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(receiver.got).isEmpty(); // the cancellation did not overtake the failed booking
        assertThat(store.find(s.id()).orElseThrow().failingSince()).isEqualTo(clock.instant());
        assertThat(dispatcher.tick(pool).delivered()).isZero(); // backing off
        clock.advance(Duration.ofSeconds(10));
        assertThat(dispatcher.tick(pool).delivered()).isEqualTo(2);
        assertThat(receiver.got).containsExactly(s.id() + "|" + r.id() + "|0|BOOKED", s.id() + "|" + r.id() + "|1|CANCELLED");
        assertThat(store.find(s.id()).orElseThrow().failingSince()).isNull();
        List<OutboxEntry> log = webhooks.deliveries(as(f.grace), s.id(), 10);
        assertThat(log).extracting(OutboxEntry::version).containsExactly(1L, 0L);
        assertThat(log.get(1).attempts()).isEqualTo(1);
        assertThat(log.get(1).lastError()).isEqualTo("HTTP 500");
        assertThat(log.get(1).outcome()).isEqualTo("HTTP 204");
    }

    @Test
    void aSubscriptionFailingForADayIsSwitchedOffAndDeliversItsBacklogOnceSwitchedOn() {
        WebhookSubscription s = subscribe(as(f.grace), ALL_KINDS, Set.of(), false);
        Reservation r = service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        Receiver receiver = new Receiver();
        receiver.failNext.set(Integer.MAX_VALUE);
        WebhookDispatcher dispatcher = new WebhookDispatcher(store, outbox, receiver, clock, settings);
        int disabled = 0;
        for (int i = 0; i < 400 && disabled == 0; i++) {
            disabled = dispatcher.tick(pool).disabled();
            clock.advance(Duration.ofMinutes(5));
        }
        WebhookSubscription off = store.find(s.id()).orElseThrow();
        assertThat(off.enabled()).isFalse();
        assertThat(off.disabledReason()).contains("failed");
        assertThat(Duration.between(s.createdAt(), clock.instant())).isGreaterThanOrEqualTo(Duration.ofHours(24));
        // switched off: nothing new is queued for it, nothing is tried
        Reservation other = service.reserve(as(f.grace), f.request(f.medium, f.grace, tomorrow(12, 0, 30)));
        assertThat(webhooks.consumersFor(other, clock.instant())).isEmpty();
        receiver.failNext.set(0);
        assertThat(dispatcher.tick(pool).delivered()).isZero();
        webhooks.setEnabled(as(f.grace), s.id(), true);
        clock.advance(Duration.ofMinutes(5));
        assertThat(dispatcher.tick(pool).delivered()).isEqualTo(1);
        assertThat(receiver.got).containsExactly(s.id() + "|" + r.id() + "|0|BOOKED");
    }

    @Test
    void twoDispatchersDeliverEachEventOnceAndInOrder() throws Exception {
        WebhookSubscription s = subscribe(as(f.admin), ALL_KINDS, Set.of(), true);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Reservation r = service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(8, i * 30, 30)));
            clock.advance(Duration.ofMillis(1));
            expected.add(s.id() + "|" + r.id() + "|0|BOOKED");
        }
        Receiver receiver = new Receiver();
        WebhookDispatcher a = new WebhookDispatcher(store, outbox, receiver, clock, settings);
        WebhookDispatcher b = new WebhookDispatcher(store, outbox, receiver, clock, settings);
        Thread other = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                b.tick(Runnable::run);
            }
        });
        other.start();
        for (int i = 0; i < 50; i++) {
            a.tick(Runnable::run);
        }
        other.join();
        assertThat(receiver.got).containsExactlyElementsOf(expected);
    }

    @Test
    void deletingASubscriptionDropsWhatItHadQueued() {
        WebhookSubscription s = subscribe(as(f.grace), ALL_KINDS, Set.of(), false);
        service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        assertThat(outbox.recent(s.consumer(), 10)).hasSize(1);
        webhooks.delete(as(f.grace), s.id());
        assertThat(outbox.recent(s.consumer(), 10)).isEmpty();
        assertThat(webhooks.list(as(f.grace))).isEmpty();
    }

    @Test
    void aSignatureVerifiesOnlyForItsBodySecretAndTime() {
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2031-01-01T08:00:00Z");
        String header = Signatures.header("whsec_abc", at, body);
        assertThat(header).matches("t=" + at.getEpochSecond() + ",v1=[0-9a-f]{64}");
        assertThat(Signatures.verify("whsec_abc", header, body, at.plusSeconds(60), Duration.ofMinutes(5))).isTrue();
        assertThat(Signatures.verify("whsec_abd", header, body, at, Duration.ofMinutes(5))).isFalse();
        assertThat(Signatures.verify("whsec_abc", header, "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8), at,
                Duration.ofMinutes(5))).isFalse();
        assertThat(Signatures.verify("whsec_abc", header, body, at.plusSeconds(301), Duration.ofMinutes(5))).isFalse();
        assertThat(Signatures.verify("whsec_abc", "v1=00", body, at, Duration.ofMinutes(5))).isFalse();
    }

    private List<String> consumersOf(String reservationId) {
        List<String> consumers = new ArrayList<>();
        for (WebhookSubscription s : store.all()) {
            for (OutboxEntry e : outbox.recent(s.consumer(), 100)) {
                if (e.reservationId().equals(reservationId)) {
                    consumers.add(e.consumer());
                }
            }
        }
        return consumers;
    }
}
