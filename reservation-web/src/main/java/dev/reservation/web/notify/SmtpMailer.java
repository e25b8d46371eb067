package dev.reservation.web.notify;

import dev.reservation.core.notify.Notices;
import dev.reservation.core.notify.OutboxConsumer;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.web.ical.Ics;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.Properties;

/**
 * The outbox's e-mail consumer: decides at send time whether the entry still warrants a message
 * ({@link Notices}: opt-out, deactivated user, superseded version), composes it
 * ({@link InvitationMail}) and sends it over SMTP with Jakarta Mail (Angus Mail). A server that
 * cannot be reached (connection refused, timeout, TLS or login failure) is "channel down"; a
 * recipient the server refuses is a failure of this entry alone. Thread-safe (a Session is).
 */
public final class SmtpMailer implements OutboxConsumer {
    private final SmtpSettings settings;
    private final Session session;
    private final Notices notices;
    private final InvitationMail mail;
    private final Clock clock;

    public SmtpMailer(SmtpSettings settings, Notices notices, Ics ics, Clock clock) {
        this.settings = settings;
        this.notices = notices;
        this.clock = clock;
        this.mail = new InvitationMail(ics, settings.from(), settings.domain());
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        p.put("mail.smtp.from", settings.from());
        p.put("mail.smtp.localhost", settings.domain());
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        p.put("mail.smtp.auth", String.valueOf(settings.user().isPresent()));
        this.session = Session.getInstance(p);
    }

    @Override
    public String name() {
        return OutboxEntry.EMAIL;
    }

    @Override
    public String deliver(OutboxEntry entry) {
        Notices.Prepared prepared = notices.prepare(entry);
        if (prepared.skip().isPresent()) {
            return prepared.skip().get().reason();
        }
        Notices.Notice notice = prepared.notice().orElseThrow();
        MimeMessage message;
        try {
            message = mail.compose(session, notice, clock.instant());
        } catch (MessagingException e) {
            throw new IllegalStateException("composing the message failed: " + e.getMessage(), e);
        }
        try {
            if (settings.user().isPresent()) {
                Transport.send(message, settings.user().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (SendFailedException refused) {
            if (refused.getNextException() instanceof IOException) {
                throw new ConsumerUnavailableException("SMTP " + settings.host() + ":" + settings.port()
                        + " failed while sending: " + refused.getMessage(), refused);
            }
            throw new IllegalStateException("the SMTP server refused the message to " + notice.recipient().email()
                    + ": " + refused.getMessage(), refused);
        } catch (MessagingException down) {
            throw new ConsumerUnavailableException("SMTP " + settings.host() + ":" + settings.port()
                    + " unavailable: " + down.getMessage(), down);
        }
        return "sent " + InvitationMail.messageId(entry, settings.domain()) + " to " + notice.recipient().email();
    }

    public SmtpSettings settings() {
        return settings;
    }
}
