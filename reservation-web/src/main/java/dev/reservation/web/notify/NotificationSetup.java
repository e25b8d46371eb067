package dev.reservation.web.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.reservation.core.notify.Notices;
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
 * E-mail notifications for one app instance: with SMTP settings, a module that makes the
 * reservation service record every change in the outbox for the {@value OutboxEntry#EMAIL} consumer,
 * and, once the injector exists, {@link #start} runs the sender and the sweeper inside the app.
 * Without settings, nothing is recorded and nothing runs ({@link MailStatus#OFF}). Not thread-safe:
 * made once at start-up.
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
    private final AtomicReference<NotificationJobs> jobs = new AtomicReference<>();

    public NotificationSetup(Optional<SmtpSettings> smtp, Timing timing) {
        this.smtp = smtp;
        this.timing = timing;
    }

    public static NotificationSetup off() {
        return new NotificationSetup(Optional.empty(), Timing.DEFAULT);
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
                if (smtp.isPresent()) {
                    NotifyBindings.listener(binder()).setBinding().toProvider(new com.google.inject.Provider<>() {
                        @com.google.inject.Inject
                        OutboxStore outbox;
                        @com.google.inject.Inject
                        Clock clock;

                        @Override
                        public dev.reservation.core.notify.ReservationChangeListener get() {
                            return new OutboxRecorder(outbox, List.of(OutboxEntry.EMAIL), clock,
                                    e -> LOG.warn("notifications: could not record a change in the outbox ({}); the"
                                            + " sweeper records it later", e.getMessage()),
                                    () -> Optional.ofNullable(jobs.get()).ifPresent(NotificationJobs::wake));
                        }
                    }).in(com.google.inject.Singleton.class);
                }
            }
        };
    }

    /** Starts the sender and the sweeper (with SMTP); empty without. */
    public Optional<NotificationJobs> start(Injector injector) {
        if (smtp.isEmpty()) {
            return Optional.empty();
        }
        Clock clock = injector.getInstance(Clock.class);
        OutboxStore outbox = injector.getInstance(OutboxStore.class);
        SmtpMailer mailer = new SmtpMailer(smtp.get(), injector.getInstance(Notices.class), new Ics(), clock);
        OutboxDrainer drainer = new OutboxDrainer(outbox, mailer, clock, timing.drainer());
        OutboxSweeper sweeper = new OutboxSweeper(injector.getInstance(ReservationChanges.class), outbox,
                List.of(OutboxEntry.EMAIL), clock, timing.sweepOverlap(), timing.sweepSettle());
        NotificationJobs started = new NotificationJobs(drainer, sweeper).start(timing.pollEvery(), timing.sweepEvery());
        jobs.set(started);
        return Optional.of(started);
    }
}
