package dev.reservation.web.notify;

/** Whether this app sends notification e-mail, and a line saying so for pages and logs. Immutable. */
public record MailStatus(boolean enabled, String description) {
    public static final MailStatus OFF = new MailStatus(false,
            "e-mail notifications are off on this server (no SMTP server configured: RESERVATION_SMTP_HOST)");
}
