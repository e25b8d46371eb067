package dev.reservation.core.domain;

/** No such webhook subscription (that the caller may see). */
public final class WebhookNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public WebhookNotFoundException(String id) {
        super("no webhook subscription " + id);
    }
}
