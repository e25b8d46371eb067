package dev.reservation.web.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.reservation.core.hooks.Signatures;
import dev.reservation.core.hooks.UrlPolicy;
import dev.reservation.core.hooks.WebhookDispatcher;
import dev.reservation.core.notify.OutboxDrainer;
import dev.reservation.mongo.MongoStoreModule;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.web.notify.NotificationSetup;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MailApp;
import dev.reservation.web.support.TestApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end against a real HTTP receiver started by the test: the app (as WebMain wires
 * it) on a Mongo store, subscriptions made through the API, deliveries signed, retried after a 500
 * with the same event id, in order per subscription, and none lost across an app restart.
 */
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final WebhookSetup FAST = new WebhookSetup(true, new UrlPolicy(true, true),
            new WebhookDispatcher.Settings(new OutboxDrainer.Settings(1, Duration.ofSeconds(2), Duration.ofMillis(200),
                    Duration.ofSeconds(1)), Duration.ofDays(1), 20), Duration.ofMillis(100), 2);
    static final NotificationSetup.Timing TIMING = new NotificationSetup.Timing(Duration.ofMillis(100),
            Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(1), OutboxDrainer.Settings.DEFAULT);

    /** One request the receiver got. */
    record Received(String eventId, String type, int attempt, String signature, byte[] body, int answered) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** The statuses to answer, in turn; once used up, 204. */
    private final List<Integer> answers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();
    private MongoServer mongo;
    private String uri;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = answers.isEmpty() ? 204 : answers.remove(0);
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst("Reservation-Event-Id"), h.getFirst("Reservation-Event-Type"),
                    Integer.parseInt(h.getFirst("Reservation-Delivery-Attempt")), h.getFirst(Signatures.HEADER), body,
                    status));
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        mongo = new MongoServer(new MemoryBackend());
        uri = mongo.bindAndGetConnectionString();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        mongo.shutdownNow();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private MongoStores stores() {
        return MongoStores.open(StoreOptions.uri(uri).withDatabase("hooks").withPrimaryWait(Duration.ofSeconds(2)),
                Clock.systemUTC());
    }

    private MailApp app(MongoStores stores) {
        return new MailApp(new MongoStoreModule(stores), Clock.systemUTC(),
                new NotificationSetup(Optional.empty(), TIMING, FAST));
    }

    private static String tomorrowAt(int hour, int minute) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(hour, minute).toInstant(ZoneOffset.UTC).toString();
    }

    private static String booking(String start, String end) {
        return "{\"roomId\":\"r-spree\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"title\":\"Hooked\",\"attendees\":2}";
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private JsonNode subscribe(Http who, String body) throws IOException {
        Http.Response r = who.postJson("/api/v1/webhooks", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private List<Received> delivered() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    @Test
    void deliveriesAreSignedRetriedAfterA500WithTheSameIdAndArriveInOrder() throws Exception {
        try (MongoStores stores = stores(); MailApp app = app(stores)) {
            Http grace = app.api(TestApp.GRACE);
            JsonNode sub = subscribe(grace, "{\"url\":\"" + hookUrl()
                    + "\",\"events\":[\"reservation.created\",\"reservation.cancelled\"]}");
            String secret = sub.get("secret").asText();
            assertThat(secret).startsWith("whsec_");
            answers.add(500);
            Http.Response booked = grace.postJson("/api/v1/reservations", booking(tomorrowAt(9, 0), tomorrowAt(10, 0)));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            String id = JSON.readTree(booked.body()).get("id").asText();
            Http.Response cancelled = grace.post("/api/v1/reservations/" + id + "/cancel", null, "");
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            await("two deliveries", () -> delivered().size() >= 2);
            Thread.sleep(300); // nothing more may arrive

            List<Received> all = new ArrayList<>(received);
            assertThat(all).hasSize(3);
            // the first attempt got a 500; its retry carries the same event id, attempt 2, before the cancellation
            assertThat(all.get(0).answered()).isEqualTo(500);
            assertThat(all.get(1).eventId()).isEqualTo(all.get(0).eventId()).isEqualTo("evt_" + id + "_0_booked");
            assertThat(all.get(1).attempt()).isEqualTo(2);
            assertThat(all.get(1).type()).isEqualTo("reservation.created");
            assertThat(all.get(2).eventId()).isEqualTo("evt_" + id + "_1_cancelled");
            assertThat(all.get(2).type()).isEqualTo("reservation.cancelled");
            for (Received r : all) {
                assertThat(Signatures.verify(secret, r.signature(), r.body(), Instant.now(), Duration.ofMinutes(5)))
                        .as("signature of " + r.eventId()).isTrue();
                assertThat(Signatures.verify("whsec_someone-else", r.signature(), r.body(), Instant.now(),
                        Duration.ofMinutes(5))).isFalse();
            }
            JsonNode event = all.get(2).json();
            assertThat(event.get("id").asText()).isEqualTo(all.get(2).eventId());
            assertThat(event.get("reservationVersion").asInt()).isEqualTo(1);
            assertThat(event.get("data").get("status").asText()).isEqualTo("CANCELLED");
            assertThat(event.get("data").get("zone").asText()).isEqualTo("Europe/Berlin");

            Http.Response log = grace.get("/api/v1/webhooks/" + sub.get("id").asText() + "/deliveries");
            assertThat(log.status()).as(log.body()).isEqualTo(200);
            JsonNode entries = JSON.readTree(log.body());
            assertThat(entries).hasSize(2);
            assertThat(entries.get(0).get("type").asText()).isEqualTo("reservation.cancelled");
            assertThat(entries.get(1).get("attempts").asInt()).isEqualTo(1);
            assertThat(entries.get(1).get("lastError").asText()).isEqualTo("HTTP 500");
            assertThat(entries.get(1).get("outcome").asText()).isEqualTo("HTTP 204");
            assertThat(entries.get(1).get("state").asText()).isEqualTo("done");
            // the subscription answered in the end: no run of failures is left
            JsonNode now = JSON.readTree(grace.get("/api/v1/webhooks/" + sub.get("id").asText()).body());
            assertThat(now.get("failingSince").isNull()).isTrue();
            assertThat(now.has("secret")).isFalse();
        }
    }

    @Test
    void aRequestItsApprovalAndAnAutoReleaseAreEventsOfTheirOwn() throws Exception {
        try (MongoStores stores = stores(); MailApp app = app(stores)) {
            Http grace = app.api(TestApp.GRACE);
            Http ada = app.api(TestApp.ADMIN);
            assertThat(ada.put("/api/v1/rooms/r-spree/operations", "{\"requiresApproval\": true}").status())
                    .isEqualTo(200);
            subscribe(grace, "{\"url\":\"" + hookUrl() + "\",\"events\":[\"reservation.requested\","
                    + "\"reservation.approved\",\"reservation.changed\",\"reservation.cancelled\"]}");
            Http.Response request = grace.postJson("/api/v1/reservations", booking(tomorrowAt(9, 0), tomorrowAt(10, 0)));
            assertThat(request.status()).as(request.body()).isEqualTo(201);
            String id = JSON.readTree(request.body()).get("id").asText();
            Http.Response approved = ada.postJson("/api/v1/reservations/" + id + "/approve", "{\"reason\": \"fine\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            await("two deliveries", () -> delivered().size() >= 2);
            Thread.sleep(300);
            assertThat(delivered()).extracting(Received::type)
                    .containsExactly("reservation.requested", "reservation.approved");
            assertThat(delivered()).extracting(Received::eventId)
                    .containsExactly("evt_" + id + "_0_requested", "evt_" + id + "_1_approved");
            assertThat(delivered().get(1).json().get("data").get("status").asText()).isEqualTo("CONFIRMED");
        }
    }

    @Test
    void nothingIsLostAcrossAnAppRestart() throws Exception {
        List<String> ids = new ArrayList<>();
        String subscription;
        try (MongoStores stores = stores(); MailApp app = app(stores)) {
            Http grace = app.api(TestApp.GRACE);
            subscription = subscribe(grace, "{\"url\":\"" + hookUrl() + "\",\"events\":[\"reservation.created\"]}")
                    .get("id").asText();
            for (int i = 0; i < 50; i++) {
                answers.add(503); // the receiver is down for as long as this instance runs
            }
            for (int i = 0; i < 3; i++) {
                Http.Response r = grace.postJson("/api/v1/reservations",
                        booking(tomorrowAt(9 + i, 0), tomorrowAt(9 + i, 30)));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.add(JSON.readTree(r.body()).get("id").asText());
            }
            await("a failed attempt", () -> requests.get() >= 1);
        }
        assertThat(delivered()).isEmpty();
        answers.clear(); // the receiver is back; a new app instance starts on the same store
        try (MongoStores stores = stores(); MailApp app = app(stores)) {
            await("three deliveries", () -> delivered().size() >= 3);
            Thread.sleep(300);
            assertThat(delivered()).extracting(Received::eventId).containsExactly(
                    "evt_" + ids.get(0) + "_0_booked", "evt_" + ids.get(1) + "_0_booked", "evt_" + ids.get(2) + "_0_booked");
            JsonNode log = JSON.readTree(app.api(TestApp.GRACE).get("/api/v1/webhooks/" + subscription
                    + "/deliveries").body());
            assertThat(log).hasSize(3).allSatisfy(e -> assertThat(e.get("state").asText()).isEqualTo("done"));
        }
    }

    @Test
    void theApiRefusesWhatItCannotHonourAndKeepsSecretsToItsOwner() throws Exception {
        try (MongoStores stores = stores(); MailApp app = app(stores)) {
            Http grace = app.api(TestApp.GRACE);
            Http alan = app.api(TestApp.ALAN);
            Http ada = app.api(TestApp.ADMIN);
            Http.Response noEvents = grace.postJson("/api/v1/webhooks", "{\"url\":\"" + hookUrl() + "\",\"events\":[]}");
            assertThat(noEvents.status()).isEqualTo(400);
            assertThat(noEvents.body()).contains("events");
            Http.Response unknown = grace.postJson("/api/v1/webhooks", "{\"url\":\"" + hookUrl()
                    + "\",\"events\":[\"reservation.exploded\"]}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).contains("unknown event 'reservation.exploded'");
            Http.Response badUrl = grace.postJson("/api/v1/webhooks", "{\"url\":\"ftp://example.org/x\","
                    + "\"events\":[\"reservation.created\"]}");
            assertThat(badUrl.status()).isEqualTo(400);
            assertThat(badUrl.body()).contains("url");
            Http.Response everyone = grace.postJson("/api/v1/webhooks", "{\"url\":\"" + hookUrl()
                    + "\",\"events\":[\"reservation.created\"],\"everyone\":true}");
            assertThat(everyone.status()).isEqualTo(403);
            Http.Response noRoom = grace.postJson("/api/v1/webhooks", "{\"url\":\"" + hookUrl()
                    + "\",\"events\":[\"reservation.created\"],\"roomIds\":[\"r-nowhere\"]}");
            assertThat(noRoom.status()).isEqualTo(404);

            String id = subscribe(grace, "{\"url\":\"" + hookUrl() + "\",\"events\":[\"reservation.created\"],"
                    + "\"roomIds\":[\"r-spree\"]}").get("id").asText();
            subscribe(ada, "{\"url\":\"" + hookUrl() + "\",\"events\":[\"reservation.created\"],\"everyone\":true}");
            assertThat(JSON.readTree(grace.get("/api/v1/webhooks").body())).hasSize(1)
                    .allSatisfy(s -> assertThat(s.has("secret")).isFalse());
            assertThat(JSON.readTree(ada.get("/api/v1/webhooks").body())).hasSize(2);
            assertThat(JSON.readTree(alan.get("/api/v1/webhooks").body())).isEmpty();
            assertThat(alan.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
            assertThat(alan.delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);

            Http.Response off = grace.patch("/api/v1/webhooks/" + id, "{\"enabled\":false}");
            assertThat(off.status()).as(off.body()).isEqualTo(200);
            assertThat(JSON.readTree(off.body()).get("enabled").asBoolean()).isFalse();
            assertThat(grace.patch("/api/v1/webhooks/" + id, "{}").status()).isEqualTo(400);
            assertThat(grace.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
            assertThat(grace.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void underTheStrictPolicyPrivateAndPlainHttpReceiversAreRefused() throws Exception {
        try (MongoStores stores = stores();
             MailApp app = new MailApp(new MongoStoreModule(stores), Clock.systemUTC(),
                     new NotificationSetup(Optional.empty(), TIMING, WebhookSetup.DEFAULT))) {
            Http grace = app.api(TestApp.GRACE);
            Http.Response http = grace.postJson("/api/v1/webhooks", "{\"url\":\"" + hookUrl()
                    + "\",\"events\":[\"reservation.created\"]}");
            assertThat(http.status()).isEqualTo(400);
            assertThat(http.body()).contains("https://");
            Http.Response loopback = grace.postJson("/api/v1/webhooks", "{\"url\":\"https://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\",\"events\":[\"reservation.created\"]}");
            assertThat(loopback.status()).isEqualTo(400);
            assertThat(loopback.body()).contains("this machine");
            Http.Response metadata = grace.postJson("/api/v1/webhooks", "{\"url\":\"https://169.254.169.254/x\","
                    + "\"events\":[\"reservation.created\"]}");
            assertThat(metadata.status()).isEqualTo(400);
            assertThat(metadata.body()).contains("link-local");
            assertThat(Map.of()).isEmpty();
        }
    }
}
