package dev.reservation.core.domain;

/** No such API token (of that user). */
public final class TokenNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public TokenNotFoundException(String id) {
        super("no API token " + id);
    }
}
