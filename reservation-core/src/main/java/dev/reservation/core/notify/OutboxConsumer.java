package dev.reservation.core.notify;

/**
 * One consumer of the outbox (e-mail now, webhooks later): delivers one entry. Returns a short
 * outcome for people ("sent", "skipped: opted out"); throws {@link ConsumerUnavailableException}
 * when its channel is down as a whole (every entry would fail now, so the drainer backs off), any
 * other exception when just this entry failed. Delivery must be idempotent for the receiver to
 * recognise: the same entry delivered twice carries the same message id.
 */
public interface OutboxConsumer {
    String name();

    String deliver(OutboxEntry entry);

    /** The channel (an SMTP server, say) cannot be reached: retry later, nothing is lost. */
    final class ConsumerUnavailableException extends RuntimeException {
        public ConsumerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
