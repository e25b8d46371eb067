package dev.reservation.web.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.reservation.core.hooks.WebhookDispatcher;
import dev.reservation.core.hooks.WebhookStore;
import dev.reservation.core.hooks.Webhooks;
import dev.reservation.core.notify.Notices;
import dev.reservation.core.notify.OutboxConsumers;
import dev.reservation.core.ops.ReservationEvents;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.web.hooks.HttpWebhookSender;
import dev.reservation.web.hooks.WebhookSetup;
import dev.reservation.core.notify.OutboxDrainer;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxRecorder;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.OutboxSweeper;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.core.wiring.NotifyBindings;
import dev.reservation.web.ical.Ics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail notifications and webhooks for one app instance: a module that makes the reservation
 * service (and room operations) record every change in the outbox, for the {@value OutboxEntry#EMAIL}
 * consumer with SMTP settings and for each matching webhook subscription when webhooks are on, and,
 * once the injector exists, {@link #start} runs the mail sender, the webhook dispatcher and the
 * sweeper inside the app. With neither, nothing is recorded and nothing runs
 * ({@link MailStatus#OFF}). Not thread-safe: made once at start-up.
 */
public final class NotificationSetup {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSetup.class);

    /** How the sender and the sweeper pace themselves. */
    public record Timing(Duration pollEvery, Duration sweepEvery, Duration sweepOverlap, Duration sweepSettle,
                         OutboxDrainer.Settings drainer) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(10), Duration.ofSeconds(5), OutboxDrainer.Settings.DEFAULT);
    }

    private final Optional<SmtpSettings> smtp;
    private final Timing timing;
    private final WebhookSetup hooks;
    private final AtomicReference<NotificationJobs> jobs = new AtomicReference<>();

    /** E-mail as {@code smtp} says, no webhooks. */
    public NotificationSetup(Optional<SmtpSettings> smtp, Timing timing) {
        this(smtp, timing, WebhookSetup.OFF);
    }

    public NotificationSetup(Optional<SmtpSettings> smtp, Timing timing, WebhookSetup hooks) {
        this.smtp = smtp;
        this.timing = timing;
        this.hooks = hooks;
    }

    public static NotificationSetup off() {
        return new NotificationSetup(Optional.empty(), Timing.DEFAULT);
    }

    public WebhookSetup webhooks() {
        return hooks;
    }

    private boolean records() {
        return smtp.isPresent() || hooks.on();
    }

    /** Which consumers a change goes to: e-mail (with SMTP) and the matching webhook subscriptions (when on). */
    private OutboxConsumers consumers(Injector injector) {
        OutboxConsumers mail = OutboxConsumers.fixed(smtp.isPresent() ? List.of(OutboxEntry.EMAIL) : List.of());
        if (!hooks.on()) {
            return mail;
        }
        Webhooks webhooks = injector.getInstance(Webhooks.class);
        return mail.and(webhooks::consumersFor);
    }

    public MailStatus status() {
        return smtp.map(s -> new MailStatus(true, "e-mail notifications go through SMTP " + s.describe()))
                .orElse(MailStatus.OFF);
    }

    /** Binds the mail status, and (with SMTP) the outbox recorder as the service's change listener. */
    public Module module() {
        MailStatus status = status();
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(MailStatus.class).toInstance(status);
                bind(WebhookSetup.class).toInstance(hooks);
                NotifyBindings.urlPolicy(binder()).setBinding().toInstance(hooks.policy());
                if (records()) {
                    NotifyBindings.listener(binder()).setBinding().toProvider(new com.google.inject.Provider<>() {
                        @com.google.inject.Inject
                        OutboxStore outbox;
                        @com.google.inject.Inject
                        Clock clock;
                        @com.google.inject.Inject
                        Injector injector;

                        @Override
                        public dev.reservation.core.notify.ReservationChangeListener get() {
                            return new OutboxRecorder(outbox, consumers(injector), clock,
                                    e -> LOG.warn("notifications: could not record a change in the outbox ({}); the"
                                            + " sweeper records it later", e.getMessage()),
                                    () -> Optional.ofNullable(jobs.get()).ifPresent(NotificationJobs::wake));
                        }
                    }).in(com.google.inject.Singleton.class);
                    // approvals, declines, expiries and auto-releases are made by room operations, not the
                    // reservation service: they reach the outbox through its events (check-ins are not news)
                    com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder(), ReservationEvents.class)
                            .setBinding().toProvider(new com.google.inject.Provider<>() {
                                @com.google.inject.Inject
                                com.google.inject.Provider<dev.reservation.core.notify.ReservationChangeListener> listener;

                                @Override
                                public ReservationEvents get() {
                                    return event -> {
                                        switch (event.kind()) {
                                            case CHECKED_IN -> { }
                                            case APPROVED -> listener.get().changed(event.reservation(),
                                                    dev.reservation.core.notify.ChangeKind.APPROVED);
                                            default -> listener.get().changed(event.reservation());
                                        }
                                    };
                                }
                            }).in(com.google.inject.Singleton.class);
                }
            }
        };
    }

    /** Starts the sender (with SMTP), the webhook dispatcher (when on) and the sweeper; empty with neither. */
    public Optional<NotificationJobs> start(Injector injector) {
        if (!records()) {
            return Optional.empty();
        }
        Clock clock = injector.getInstance(Clock.class);
        OutboxStore outbox = injector.getInstance(OutboxStore.class);
        Optional<OutboxDrainer> drainer = smtp.map(settings -> new OutboxDrainer(outbox,
                new SmtpMailer(settings, injector.getInstance(Notices.class), new Ics(), clock), clock,
                timing.drainer()));
        Optional<WebhookDispatcher> dispatcher = hooks.on()
                ? Optional.of(new WebhookDispatcher(injector.getInstance(WebhookStore.class), outbox,
                new HttpWebhookSender(injector.getInstance(ReservationStore.class),
                        injector.getInstance(RoomStore.class), dev.reservation.web.http.Json.mapper(), hooks.policy(),
                        clock), clock, hooks.settings()))
                : Optional.empty();
        OutboxSweeper sweeper = new OutboxSweeper(injector.getInstance(ReservationChanges.class), outbox,
                consumers(injector), clock, timing.sweepOverlap(), timing.sweepSettle());
        // the jobs poll as often as the more eager of the two running consumers asks
        Duration poll = java.util.stream.Stream.of(smtp.map(s -> timing.pollEvery()),
                        hooks.on() ? Optional.of(hooks.pollEvery()) : Optional.<Duration>empty())
                .flatMap(Optional::stream).min(Duration::compareTo).orElseThrow();
        NotificationJobs started = new NotificationJobs(drainer, dispatcher, hooks.threads(), sweeper)
                .start(poll, timing.sweepEvery());
        jobs.set(started);
        return Optional.of(started);
    }
}
