package dev.reservation.web.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.hooks.EventTypes;
import dev.reservation.core.hooks.Signatures;
import dev.reservation.core.hooks.UrlPolicy;
import dev.reservation.core.hooks.WebhookDispatcher;
import dev.reservation.core.hooks.WebhookSubscription;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one webhook delivery: {@code POST} of a {@link WebhookEvent} as JSON to the subscription's
 * URL, signed ({@link Signatures#HEADER}), with the event id and type in headers. A 2xx answer
 * delivers it; anything else, a timeout or a refused connection is a failed attempt the dispatcher
 * retries. Redirects are not followed. Before connecting, every address the host resolves to is
 * checked against the {@link UrlPolicy}. Thread-safe.
 */
public final class HttpWebhookSender implements WebhookDispatcher.Sender {
    public static final String EVENT_ID = "Reservation-Event-Id";
    public static final String EVENT_TYPE = "Reservation-Event-Type";
    public static final String ATTEMPT = "Reservation-Delivery-Attempt";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ReservationStore reservations;
    private final RoomStore rooms;
    private final ObjectMapper json;
    private final UrlPolicy policy;
    private final Clock clock;
    private final HttpClient http;

    public HttpWebhookSender(ReservationStore reservations, RoomStore rooms, ObjectMapper json, UrlPolicy policy,
                             Clock clock) {
        this.reservations = Objects.requireNonNull(reservations);
        this.rooms = Objects.requireNonNull(rooms);
        this.json = Objects.requireNonNull(json);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public WebhookDispatcher.Attempt send(WebhookSubscription s, OutboxEntry e) {
        Optional<Reservation> found = reservations.findById(e.reservationId());
        if (found.isEmpty()) {
            return WebhookDispatcher.Attempt.delivered("skipped: reservation " + e.reservationId() + " does not exist");
        }
        Reservation r = found.get();
        if (r.version() < e.version()) {
            return WebhookDispatcher.Attempt.failed("the store shows version " + r.version() + " of "
                    + r.id() + ", not yet " + e.version() + "; retrying later");
        }
        Room room = rooms.findById(r.roomId()).orElse(null);
        byte[] body;
        try {
            body = json.writeValueAsBytes(WebhookEvent.of(e, r, room));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("could not write the event of " + e.id(), ex);
        }
        URI url = URI.create(s.url());
        String refused = refusal(url);
        if (refused != null) {
            return WebhookDispatcher.Attempt.failed("refused: " + refused);
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "reservation-webhooks/1")
                .header(EVENT_ID, WebhookEvent.idOf(e))
                .header(EVENT_TYPE, EventTypes.name(e.kind()))
                .header(ATTEMPT, Integer.toString(e.attempts() + 1))
                .header(Signatures.HEADER, Signatures.header(s.secret(), clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return WebhookDispatcher.Attempt.delivered("HTTP " + status);
            }
            return WebhookDispatcher.Attempt.failed("HTTP " + status + (status >= 300 && status < 400
                    ? " (redirects are not followed; subscribe the final URL)" : ""));
        } catch (HttpTimeoutException ex) {
            return WebhookDispatcher.Attempt.failed("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException ex) {
            return WebhookDispatcher.Attempt.failed("could not connect: "
                    + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return WebhookDispatcher.Attempt.failed("interrupted: this app instance is stopping");
        }
    }

    private String refusal(URI url) {
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                String why = policy.refusal(address);
                if (why != null) {
                    return url.getHost() + " resolves to " + why;
                }
            }
            return null;
        } catch (UnknownHostException ex) {
            return "unknown host " + url.getHost();
        }
    }
}
