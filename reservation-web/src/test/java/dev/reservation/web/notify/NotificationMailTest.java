package dev.reservation.web.notify;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.Notices;
import dev.reservation.core.notify.OutboxConsumer;
import dev.reservation.core.notify.OutboxDrainer;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxStats;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.SeedService;
import dev.reservation.core.wiring.CoreModule;
import dev.reservation.core.wiring.InMemoryStoreModule;
import dev.reservation.mongo.MongoStoreModule;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.web.ical.Ics;
import dev.reservation.web.ical.IcsEvent;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.IcalJs;
import dev.reservation.web.support.MailApp;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.TestApp;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * E-mail against a real SMTP server in this process (GreenMail): the invitation arrives and parses,
 * a cancellation sends a CANCEL with the same UID and a higher SEQUENCE, opting out sends nothing, a
 * sender that crashes between sending and marking sends one duplicate with the same Message-ID, a
 * server that is down delays mail without losing it, and two instances drain one outbox (Mongo, two
 * clients) without duplicates.
 */
class NotificationMailTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String TEN = "2026-03-03T10:00:00Z";
    static final String ELEVEN = "2026-03-03T11:00:00Z";
    static final OutboxDrainer.Settings FAST = new OutboxDrainer.Settings(20, Duration.ofMinutes(2),
            Duration.ofMillis(200), Duration.ofSeconds(1));
    static final NotificationSetup.Timing TIMING = new NotificationSetup.Timing(Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofMinutes(10), Duration.ofMillis(0), FAST);

    private SmtpSettings smtp() {
        return smtp(SMTP.getSmtp().getPort());
    }

    private static SmtpSettings smtp(int port) {
        return new SmtpSettings("127.0.0.1", port, false, Optional.empty(), Optional.empty(), "reservations@example.com");
    }

    static Calendar calendar(String ics) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(ics));
        c.validate();
        return c;
    }

    static String prop(VEvent e, String name) {
        return e.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void aBookingMailsAnInvitationAndItsCancellationACancelWithTheSameUid() throws Exception {
        MutableClock clock = MutableClock.atMonday();
        try (MailApp app = new MailApp(new InMemoryStoreModule(), clock,
                new NotificationSetup(Optional.of(smtp()), TIMING))) {
            Http grace = app.api(TestApp.GRACE);
            Http.Response booked = grace.postJson("/api/v1/reservations",
                    booking("r-spree", "u-grace", TEN, ELEVEN, "Standup", 3));
            assertThat(booked.status()).isEqualTo(201);
            String id = json(booked).get("id").asText();
            assertThat(SMTP.waitForIncomingEmail(15_000, 1)).isTrue();

            MimeMessage invite = SMTP.getReceivedMessages()[0];
            assertThat(invite.getAllRecipients()[0].toString()).contains("grace@example.com");
            assertThat(invite.getMessageID()).isEqualTo("<reservation-" + id + ".v0.booked@example.com>");
            assertThat(invite.getSubject()).startsWith("Booked: Standup — Spree, Tue 3 Mar 2026 11:00–12:00");
            List<Mails.Leaf> parts = Mails.leaves(invite);
            assertThat(Mails.only(parts, "text/plain").text()).contains("11:00–12:00 (Europe/Berlin time)");
            assertThat(Mails.only(parts, "text/html").text()).contains("Standup");
            Mails.Leaf inline = Mails.only(parts, "text/calendar");
            assertThat(inline.contentType()).contains("method=request");
            Mails.Leaf attached = Mails.only(parts, "application/ics");
            assertThat(attached.fileName()).isEqualTo("invite.ics");
            assertThat(attached.text()).isEqualTo(inline.text());

            Calendar request = calendar(inline.text());
            assertThat(request.<Property>getProperty("METHOD").map(Property::getValue)).contains("REQUEST");
            VEvent event = request.<VEvent>getComponents("VEVENT").get(0);
            String uid = IcsEvent.uidOf(id, IcsEvent.UID_DOMAIN);
            assertThat(prop(event, "UID")).isEqualTo(uid);
            assertThat(prop(event, "SEQUENCE")).isEqualTo("0");
            assertThat(prop(event, "ORGANIZER")).isEqualTo("mailto:reservations@example.com");
            assertThat(prop(event, "ATTENDEE")).isEqualTo("mailto:grace@example.com");
            assertThat(inline.text()).contains("DTSTART;TZID=Europe/Berlin:20260303T110000").contains("BEGIN:VTIMEZONE");
            JsonNode js = IcalJs.parse(inline.text());
            assertThat(js.get("method").asText()).isEqualTo("REQUEST");
            assertThat(js.get("events").get(0).get("uid").asText()).isEqualTo(uid);
            assertThat(js.get("events").get(0).get("startUtc").asText()).isEqualTo("2026-03-03T10:00:00.000Z");

            assertThat(grace.post("/api/v1/reservations/" + id + "/cancel", "application/json", "").status())
                    .isEqualTo(200);
            assertThat(SMTP.waitForIncomingEmail(15_000, 2)).isTrue();
            MimeMessage cancel = SMTP.getReceivedMessages()[1];
            assertThat(cancel.getMessageID()).isEqualTo("<reservation-" + id + ".v1.cancelled@example.com>");
            assertThat(cancel.getSubject()).startsWith("Cancelled: Standup");
            Mails.Leaf cancelPart = Mails.only(Mails.leaves(cancel), "text/calendar");
            assertThat(cancelPart.contentType()).contains("method=cancel");
            Calendar cancelled = calendar(cancelPart.text());
            assertThat(cancelled.<Property>getProperty("METHOD").map(Property::getValue)).contains("CANCEL");
            VEvent gone = cancelled.<VEvent>getComponents("VEVENT").get(0);
            assertThat(prop(gone, "UID")).isEqualTo(uid);
            assertThat(prop(gone, "SEQUENCE")).isEqualTo("1");
            assertThat(prop(gone, "STATUS")).isEqualTo("CANCELLED");
            JsonNode jsCancel = IcalJs.parse(cancelPart.text());
            assertThat(jsCancel.get("method").asText()).isEqualTo("CANCEL");
            assertThat(jsCancel.get("events").get(0).get("sequence").asInt()).isEqualTo(1);

            OutboxStats stats = app.injector().getInstance(OutboxStore.class).stats(OutboxEntry.EMAIL, clock.instant());
            assertThat(stats.pending()).isZero();
        }
    }

    /** Core services over a store module, SMTP configured (so changes are recorded) but no sender running. */
    private static Injector withoutSender(Module store, MutableClock clock, SmtpSettings smtp) {
        Injector injector = Guice.createInjector(new CoreModule(clock, BookingPolicy.DEFAULT), store,
                new NotificationSetup(Optional.of(smtp), TIMING).module());
        injector.getInstance(SeedService.class).seed(Actor.LOCAL_OPERATOR);
        return injector;
    }

    private static Reservation book(Injector injector, int hour) {
        Instant start = Instant.parse("2026-03-03T00:00:00Z").plus(Duration.ofHours(hour));
        return injector.getInstance(ReservationService.class).reserve(new Actor("u-grace", dev.reservation.core.domain.Role.MEMBER),
                new ReserveRequest("r-spree", "u-grace", TimeSlot.of(start, Duration.ofMinutes(30)), "Sync " + hour, 2,
                        Optional.empty()));
    }

    private SmtpMailer mailer(Injector injector, SmtpSettings settings, MutableClock clock) {
        return new SmtpMailer(settings, injector.getInstance(Notices.class), new Ics(), clock);
    }

    @Test
    void aUserWhoOptedOutGetsNoMailAndTheEntryIsDone() {
        MutableClock clock = MutableClock.atMonday();
        Injector injector = withoutSender(new InMemoryStoreModule(), clock, smtp());
        injector.getInstance(NotificationPrefsStore.class).setEmailEnabled("u-grace", false);
        Reservation r = book(injector, 9);
        OutboxStore outbox = injector.getInstance(OutboxStore.class);
        OutboxDrainer drainer = new OutboxDrainer(outbox, mailer(injector, smtp(), clock), clock, FAST);
        assertThat(drainer.drainOnce().done()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        OutboxEntry e = outbox.find(OutboxEntry.idOf(OutboxEntry.EMAIL, r.id(), 0, ChangeKind.BOOKED)).orElseThrow();
        assertThat(e.outcome()).contains("turned e-mail notifications off");
    }

    @Test
    void aSenderCrashingBetweenSendingAndMarkingSendsOneDuplicateWithTheSameMessageId() throws Exception {
        MutableClock clock = MutableClock.atMonday();
        Injector injector = withoutSender(new InMemoryStoreModule(), clock, smtp());
        Reservation r = book(injector, 9);
        OutboxStore outbox = injector.getInstance(OutboxStore.class);
        SmtpMailer real = mailer(injector, smtp(), clock);
        OutboxConsumer crashing = new OutboxConsumer() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public String deliver(OutboxEntry entry) {
                real.deliver(entry);
                throw new ProcessDied(); // killed after the SMTP server accepted the message, before marking it
            }
        };
        assertThatThrownBy(() -> new OutboxDrainer(outbox, crashing, clock, FAST).drainOnce())
                .isInstanceOf(ProcessDied.class);
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();

        OutboxDrainer survivor = new OutboxDrainer(outbox, real, clock, FAST);
        assertThat(survivor.drainOnce().leased()).isZero(); // the dead sender's lease still holds
        clock.set(clock.instant().plus(FAST.lease()).plusSeconds(1));
        assertThat(survivor.drainOnce().done()).isEqualTo(1);
        clock.set(clock.instant().plus(Duration.ofHours(1)));
        assertThat(survivor.drainOnce().leased()).isZero();

        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        String expected = "<reservation-" + r.id() + ".v0.booked@example.com>";
        assertThat(received[0].getMessageID()).isEqualTo(expected);
        assertThat(received[1].getMessageID()).isEqualTo(expected);
    }

    static final class ProcessDied extends Error {
        ProcessDied() {
            super("the sender's process died here");
        }
    }

    @Test
    void anSmtpServerThatIsDownDelaysMailWithoutLosingIt() throws Exception {
        MutableClock clock = MutableClock.atMonday();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens there once closed
        }
        Injector injector = withoutSender(new InMemoryStoreModule(), clock, smtp(closedPort));
        book(injector, 9);
        book(injector, 10);
        OutboxStore outbox = injector.getInstance(OutboxStore.class);
        OutboxDrainer down = new OutboxDrainer(outbox, mailer(injector, smtp(closedPort), clock), clock, FAST);
        OutboxDrainer.Result first = down.drainOnce();
        assertThat(first.channelDown()).isTrue();
        assertThat(first.failed()).isEqualTo(1);
        OutboxStats stats = outbox.stats(OutboxEntry.EMAIL, clock.instant());
        assertThat(stats.pending()).isEqualTo(2);
        assertThat(stats.lastError()).hasValueSatisfying(e -> assertThat(e.message()).contains("unavailable"));
        assertThat(down.drainOnce().channelDown()).isTrue(); // paused: backing off, not hammering

        // the server is back (the same outbox, a sender that reaches it) once the backoff has passed
        clock.set(clock.instant().plusSeconds(2));
        OutboxDrainer up = new OutboxDrainer(outbox, mailer(injector, smtp(), clock), clock, FAST);
        assertThat(up.drainOnce().done()).isEqualTo(2);
        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(outbox.stats(OutboxEntry.EMAIL, clock.instant()).pending()).isZero();
    }

    @Test
    void twoAppInstancesDrainOneOutboxWithoutSendingAnyMailTwice() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        MutableClock clock = MutableClock.atMonday();
        StoreOptions options = StoreOptions.uri(uri).withDatabase("mail").withPrimaryWait(Duration.ofSeconds(2));
        try (MongoStores one = MongoStores.open(options, clock); MongoStores two = MongoStores.open(options, clock)) {
            Injector first = withoutSender(new MongoStoreModule(one), clock, smtp());
            Injector second = Guice.createInjector(new CoreModule(clock, BookingPolicy.DEFAULT), new MongoStoreModule(two),
                    new NotificationSetup(Optional.of(smtp()), TIMING).module());
            int bookings = 24;
            for (int i = 0; i < bookings; i++) {
                Instant start = Instant.parse("2026-03-03T06:00:00Z").plus(Duration.ofMinutes(30L * i));
                (i % 2 == 0 ? first : second).getInstance(ReservationService.class).reserve(
                        new Actor("u-grace", dev.reservation.core.domain.Role.MEMBER),
                        new ReserveRequest("r-spree", "u-grace", TimeSlot.of(start, Duration.ofMinutes(30)), "Sync " + i,
                                2, Optional.empty()));
            }
            OutboxDrainer.Settings small = new OutboxDrainer.Settings(3, Duration.ofMinutes(2), Duration.ofMillis(200),
                    Duration.ofSeconds(1));
            List<OutboxDrainer> drainers = List.of(
                    new OutboxDrainer(one.outbox(), mailer(first, smtp(), clock), clock, small),
                    new OutboxDrainer(two.outbox(), mailer(second, smtp(), clock), clock, small));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> tasks = new ArrayList<>();
                for (OutboxDrainer d : drainers) {
                    tasks.add(() -> {
                        int done = 0;
                        OutboxDrainer.Result r;
                        while ((r = d.drainOnce()).leased() > 0) {
                            done += r.done();
                        }
                        return done;
                    });
                }
                int total = 0;
                List<Integer> perInstance = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(tasks)) {
                    perInstance.add(f.get());
                    total += f.get();
                }
                assertThat(total).isEqualTo(bookings);
                assertThat(SMTP.waitForIncomingEmail(10_000, bookings)).isTrue();
                Thread.sleep(300); // nothing more may arrive
                MimeMessage[] received = SMTP.getReceivedMessages();
                assertThat(received).hasSize(bookings);
                Set<String> ids = new HashSet<>();
                for (MimeMessage m : received) {
                    ids.add(m.getMessageID());
                }
                assertThat(ids).hasSize(bookings);
                assertThat(one.outbox().stats(OutboxEntry.EMAIL, clock.instant()).pending()).isZero();
            } finally {
                pool.shutdownNow();
            }
        } finally {
            server.shutdownNow();
        }
    }
}
