package dev.reservation.web.notify;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.core.notify.Notices;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.web.ical.Ics;
import dev.reservation.web.ical.IcsEvent;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/**
 * The e-mail about one change: {@code multipart/mixed} of a {@code multipart/alternative} (plain
 * text, HTML, and {@code text/calendar; method=REQUEST|CANCEL}, the part Outlook and Gmail turn into
 * calendar buttons) and the same calendar as an {@code invite.ics} attachment for clients that only
 * look there. Times in the room's zone, named. The {@code Message-ID} is derived from (reservation id,
 * version, kind), so a message sent twice after a crash is recognisably the same message; the UID is
 * the reservation's, the SEQUENCE its version. Thread-safe.
 */
public final class InvitationMail {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Ics ics;
    private final String from;
    private final String domain;

    public InvitationMail(Ics ics, String from, String domain) {
        this.ics = ics;
        this.from = from;
        this.domain = domain;
    }

    /** {@code <reservation-ID.vVERSION.KIND@domain>}: the same for every send of one change. */
    public static String messageId(OutboxEntry e, String domain) {
        return "<reservation-" + e.reservationId() + ".v" + e.version() + "." + e.kind().name().toLowerCase(Locale.ROOT)
                + "@" + domain + ">";
    }

    public MimeMessage compose(Session session, Notices.Notice n, Instant now) throws MessagingException {
        Reservation r = n.reservation();
        Room room = n.room();
        boolean cancel = n.kind().removesEvent() || r.status().isFinal();
        IcsEvent event = new IcsEvent(IcsEvent.uidOf(r.id(), IcsEvent.UID_DOMAIN), r.version(), cancel, r.title(), r.slot().start(),
                r.slot().end(), room.zone(), room.name() + ", " + room.location(),
                Optional.of(new IcsEvent.Person("Room reservations", from)),
                Optional.of(new IcsEvent.Person(n.recipient().name(), n.recipient().email())),
                r.attendees() + " attendees. Reservation " + r.id() + ".", r.createdAt(),
                r.cancelledAt() != null ? r.cancelledAt() : r.createdAt());
        String calendar = ics.invitation(event, now);
        String method = cancel ? "CANCEL" : "REQUEST";
        String when = when(r, room);
        String verb = verb(n.kind(), cancel);
        String subject = verb + ": " + r.title() + " — " + room.name() + ", " + when;

        MimeMessage message = new FixedIdMessage(session, messageId(n.entry(), domain));
        try {
            message.setFrom(new InternetAddress(from, "Room reservations", StandardCharsets.UTF_8.name()));
            message.setRecipient(MimeMessage.RecipientType.TO,
                    new InternetAddress(n.recipient().email(), n.recipient().name(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        message.setHeader("X-Reservation-Id", r.id());
        message.setHeader("X-Reservation-Version", String.valueOf(r.version()));
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain(n, verb, when), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(n, verb, when), StandardCharsets.UTF_8.name(), "html");
        MimeBodyPart inline = new MimeBodyPart();
        inline.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + method)));
        inline.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method);
        inline.setHeader("Content-Transfer-Encoding", "8bit");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html, inline);
        MimeBodyPart alternatives = new MimeBodyPart();
        alternatives.setContent(alternative);

        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8),
                "application/ics; name=invite.ics")));
        attachment.setFileName("invite.ics");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart("mixed", alternatives, attachment));
        message.saveChanges();
        return message;
    }

    static String when(Reservation r, Room room) {
        ZonedDateTime start = r.slot().start().atZone(room.zone());
        ZonedDateTime end = r.slot().end().atZone(room.zone());
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end)
                : DAY.format(end) + " " + TIME.format(end);
        return DAY.format(start) + " " + TIME.format(start) + "–" + endText + " (" + room.zone().getId() + " time)";
    }

    private static String verb(ChangeKind kind, boolean cancel) {
        return switch (kind) {
            case BOOKED -> "Booked";
            case CHANGED -> cancel ? "Cancelled" : "Changed";
            case CANCELLED -> "Cancelled";
            case APPROVED -> "Approved";
            case AUTO_RELEASED -> "Released";
            case REQUESTED -> "Requested (waiting for approval)";
        };
    }

    private static String plain(Notices.Notice n, String verb, String when) {
        Reservation r = n.reservation();
        return "Hello " + n.recipient().name() + ",\n\n"
                + verb + ": \"" + r.title() + "\"\n"
                + "Room: " + n.room().name() + " (" + n.room().location() + ")\n"
                + "When: " + when + "\n"
                + "Attendees: " + r.attendees() + "\n"
                + "Reservation: " + r.id() + "\n\n"
                + (r.isConfirmed() ? "The attached invitation adds it to your calendar.\n"
                        : "The attached cancellation removes it from your calendar.\n")
                + "\nYou get these e-mails because a room was booked for you. You can turn them off on your account's"
                + " Calendar page.\n";
    }

    private static String html(Notices.Notice n, String verb, String when) {
        Reservation r = n.reservation();
        return "<!doctype html><html><body style=\"font-family:sans-serif\">"
                + "<p>Hello " + esc(n.recipient().name()) + ",</p>"
                + "<p><strong>" + esc(verb) + ":</strong> " + esc(r.title()) + "</p>"
                + "<table><tr><th align=\"left\">Room</th><td>" + esc(n.room().name()) + " (" + esc(n.room().location())
                + ")</td></tr><tr><th align=\"left\">When</th><td>" + esc(when) + "</td></tr>"
                + "<tr><th align=\"left\">Attendees</th><td>" + r.attendees() + "</td></tr>"
                + "<tr><th align=\"left\">Reservation</th><td>" + esc(r.id()) + "</td></tr></table>"
                + "<p style=\"color:#555\">You can turn these e-mails off on your account's Calendar page.</p>"
                + "</body></html>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A message whose Message-ID is ours, not one the library invents at {@code saveChanges}. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
