package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import dev.reservation.core.hooks.UrlPolicy;
import dev.reservation.core.hooks.WebhookSubscription;
import dev.reservation.core.hooks.Webhooks;
import dev.reservation.core.memory.ScanningReservationChanges;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxSweeper;
import dev.reservation.core.service.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code webhooks ...} against the in-memory stores shared across runs ({@link TestStores} binds
 * the webhook store, as a database would keep it); the shared scenarios run create, list and delete
 * across runs on the embedded store too ({@code NotificationScenarios}). The CLI
 * records no outbox entries itself (it binds no change listener, as for e-mail): bookings made here
 * reach the outbox through the web app's sweeper, which this test runs as the web app would.
 */
class WebhooksCliTest {
    private static final String SECRET = "whsec_[A-Za-z0-9_-]{43}";

    private TestStores stores;
    private CliHarness cli;

    @BeforeEach
    void seeded() {
        stores = new TestStores();
        cli = new CliHarness(stores);
        assertThat(cli.run("seed").exit()).isZero();
    }

    @AfterEach
    void printedNoPassword() {
        assertThat(cli.transcript()).doesNotContain(dev.reservation.core.service.DemoData.PASSWORD);
    }

    private String createdId(CliHarness as, String... args) {
        Result created = as.run(args);
        assertThat(created.exit()).as(created.err()).isZero();
        return created.out().lines().findFirst().orElseThrow().split(" ")[2];
    }

    @Test
    void createPrintsIdAndSecretOnceAndListShowsItWithoutTheSecret() {
        CliHarness grace = cli.as("grace@example.com");
        Result created = grace.run("webhooks", "create", "--url", "https://hooks.example.com/rooms",
                "--event", "reservation.created", "--event", "reservation.cancelled", "--room", "Spree",
                "--room", "r-havel");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.err()).isEmpty();
        List<String> lines = created.out().lines().toList();
        assertThat(lines.get(0)).matches("Webhook subscription \\S+ to https://hooks\\.example\\.com/rooms:");
        String id = lines.get(0).split(" ")[2].replace(":", "");
        assertThat(lines.get(1)).isEqualTo("Events: reservation.created, reservation.cancelled; Havel,Spree;"
                + " own reservations.");
        assertThat(lines.get(2)).contains("shown only now");
        assertThat(lines.get(3)).matches(SECRET);
        String secret = lines.get(3);
        assertThat(created.out()).contains("Reservation-Signature", "t=<unix seconds>",
                "v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed with the secret>", "web app's dispatcher");
        assertThat(stores.webhooks.find(id)).hasValueSatisfying(s -> {
            assertThat(s.ownerId()).isEqualTo("u-grace");
            assertThat(s.secret()).as("the secret printed is the one deliveries are signed with").isEqualTo(secret);
            assertThat(s.roomIds()).containsExactlyInAnyOrder("r-spree", "r-havel");
        });

        Result table = grace.run("webhooks", "list");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).startsWith("ID").contains(id, "https://hooks.example.com/rooms",
                "reservation.created,reservation.cancelled", "Havel,Spree", "own", "enabled")
                .doesNotContain(secret).doesNotContain("whsec_");
        JsonNode listed = grace.json("webhooks", "list").get("webhooks");
        assertThat(listed).hasSize(1);
        JsonNode one = listed.get(0);
        assertThat(one.get("id").asText()).isEqualTo(id);
        assertThat(one.get("secret").isNull()).as("never listed").isTrue();
        assertThat(texts(one.get("events"))).containsExactly("reservation.created", "reservation.cancelled");
        assertThat(texts(one.get("roomIds"))).containsExactly("r-havel", "r-spree");
        assertThat(one.get("scope").asText()).isEqualTo("OWN");
        assertThat(one.get("enabled").asBoolean()).isTrue();
        assertThat(one.get("createdAt").asText()).isEqualTo("2030-01-07T08:00:00Z");
        assertThat(one.get("failingSince").isNull()).isTrue();
        assertThat(grace.run("--json", "webhooks", "list").out()).doesNotContain(secret);

        assertThat(cli.as("alan@example.com").json("webhooks", "list").get("webhooks")).as("another member's")
                .isEmpty();
        assertThat(cli.json("webhooks", "list").get("webhooks")).as("an admin sees everyone's").hasSize(1);
    }

    @Test
    void jsonCreateCarriesTheSecretAndAllRoomsAndEveryoneForAnAdmin() {
        JsonNode created = cli.json("webhooks", "create", "--url", "https://hooks.example.com/all",
                "--event", "reservation.created,reservation.changed", "--everyone").get("webhook");
        assertThat(created.get("secret").asText()).matches(SECRET);
        assertThat(created.get("scope").asText()).isEqualTo("ALL");
        assertThat(created.get("roomIds")).isEmpty();
        Result table = cli.run("webhooks", "list");
        assertThat(table.out()).contains("all rooms", "all").doesNotContain(created.get("secret").asText());
    }

    @Test
    void badInputIsOneLineOnStderrWithTheExitCodeOfItsKind() {
        CliHarness grace = cli.as("grace@example.com");
        Result unknownEvent = grace.run("webhooks", "create", "--url", "https://hooks.example.com/x",
                "--event", "reservation.exploded");
        assertThat(unknownEvent.exit()).isEqualTo(2);
        assertThat(unknownEvent.errLine()).isEqualTo("invalid events: unknown event 'reservation.exploded'; the events"
                + " are reservation.created, reservation.requested, reservation.changed, reservation.cancelled,"
                + " reservation.approved, reservation.auto_released");
        Result plainHttp = grace.run("webhooks", "create", "--url", "http://hooks.example.com/x",
                "--event", "reservation.created");
        assertThat(plainHttp.exit()).isEqualTo(2);
        assertThat(plainHttp.errLine()).isEqualTo("invalid url: url must start with https:// (this server does not"
                + " send webhooks over plain http)");
        Result local = grace.run("webhooks", "create", "--url", "https://localhost/x", "--event", "reservation.created");
        assertThat(local.exit()).isEqualTo(2);
        assertThat(local.errLine()).startsWith("invalid url: ");
        Result noRoom = grace.run("webhooks", "create", "--url", "https://hooks.example.com/x",
                "--event", "reservation.created", "--room", "Atlantis");
        assertThat(noRoom.exit()).isEqualTo(3);
        assertThat(noRoom.errLine()).startsWith("not found:");
        Result everyone = grace.run("webhooks", "create", "--url", "https://hooks.example.com/x",
                "--event", "reservation.created", "--everyone");
        assertThat(everyone.exit()).isEqualTo(5);
        assertThat(everyone.errLine()).startsWith("permission denied: only an admin may subscribe to everyone's");
        Result noEvent = grace.run("webhooks", "create", "--url", "https://hooks.example.com/x");
        assertThat(noEvent.exit()).isEqualTo(2);
        assertThat(noEvent.errLine()).startsWith("usage error: Missing required option: '--event=<event>'");
        for (String verb : List.of("delete", "enable", "disable", "deliveries")) {
            Result unknown = grace.run("webhooks", verb, "wh-nope");
            assertThat(unknown.exit()).as(verb).isEqualTo(3);
            assertThat(unknown.errLine()).as(verb).isEqualTo("not found: no webhook subscription wh-nope");
            assertThat(unknown.out()).isEmpty();
        }
        Result badLimit = cli.run("webhooks", "deliveries", "x", "--limit", "0");
        assertThat(badLimit.exit()).isEqualTo(2);
        assertThat(badLimit.errLine()).isEqualTo("usage error: --limit must be between 1 and 200, not 0");
        for (Result r : List.of(unknownEvent, plainHttp, local, noRoom, everyone, noEvent, badLimit)) {
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
            assertThat(r.err().lines().count()).isEqualTo(1);
        }
        assertThat(stores.webhooks.all()).as("nothing was made").isEmpty();
        Result json = cli.run("--json", "webhooks", "create", "--url", "https://hooks.example.com/x",
                "--event", "nope");
        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.json().get("error").get("kind").asText()).isEqualTo("USAGE");
    }

    @Test
    void aMemberCannotTouchSomeoneElsesSubscription() {
        String id = createdId(cli.as("grace@example.com"), "webhooks", "create", "--url",
                "https://hooks.example.com/g", "--event", "reservation.created");
        Result foreign = cli.as("alan@example.com").run("webhooks", "delete", id);
        assertThat(foreign.exit()).isEqualTo(3);
        assertThat(stores.webhooks.find(id)).isPresent();
    }

    @Test
    void disableEnableAndDeleteChangeTheStoredSubscription() {
        CliHarness grace = cli.as("grace@example.com");
        String id = createdId(grace, "webhooks", "create", "--url", "https://hooks.example.com/g",
                "--event", "reservation.created");

        Result off = grace.run("webhooks", "disable", id);
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.out()).startsWith("Disabled webhook subscription " + id);
        assertThat(stores.webhooks.find(id).orElseThrow().enabled()).isFalse();
        assertThat(grace.run("webhooks", "list").out()).contains("disabled: switched off by u-grace");
        JsonNode listed = grace.json("webhooks", "list").get("webhooks").get(0);
        assertThat(listed.get("enabled").asBoolean()).isFalse();
        assertThat(listed.get("disabledReason").asText()).isEqualTo("switched off by u-grace");

        JsonNode on = grace.json("webhooks", "enable", id).get("webhook");
        assertThat(on.get("enabled").asBoolean()).isTrue();
        assertThat(on.get("secret").isNull()).isTrue();
        assertThat(stores.webhooks.find(id).orElseThrow().enabled()).isTrue();

        Result deleted = grace.run("webhooks", "delete", id);
        assertThat(deleted.exit()).isZero();
        assertThat(deleted.out()).startsWith("Deleted webhook subscription " + id);
        assertThat(stores.webhooks.find(id)).isEmpty();
        assertThat(grace.json("webhooks", "list").get("webhooks")).isEmpty();
        assertThat(grace.run("webhooks", "list").out()).contains("No webhook subscriptions.");
        Result again = grace.run("webhooks", "delete", id);
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.errLine()).isEqualTo("not found: no webhook subscription " + id);
    }

    @Test
    void deliveriesShowWhatTheWebAppQueuedForABookingMadeThroughTheCli() {
        CliHarness grace = cli.as("grace@example.com");
        String id = createdId(grace, "webhooks", "create", "--url", "https://hooks.example.com/g",
                "--event", "reservation.created", "--event", "reservation.cancelled");
        assertThat(grace.run("webhooks", "deliveries", id).out()).contains("No deliveries for webhook subscription "
                + id + " yet.");

        String first = grace.json("reserve", "--room", "Spree", "--start", "2030-01-07 10:00", "--end", "11:00",
                "--title", "Standup").get("reservation").get("id").asText();
        String second = grace.json("reserve", "--room", "Havel", "--start", "2030-01-07 14:00", "--end", "15:00",
                "--title", "Review").get("reservation").get("id").asText();
        assertThat(stores.outbox.recent(WebhookSubscription.consumerOf(id), 10))
                .as("the CLI records nothing itself").isEmpty();

        webAppSweeps();
        List<OutboxEntry> queued = stores.outbox.recent(WebhookSubscription.consumerOf(id), 10);
        assertThat(queued).hasSize(2);
        // the web app's dispatcher (a minute later: the sweep queued them at its own now) delivers the head,
        // then fails on the next
        java.time.Instant sent = CliHarness.NOW.plusSeconds(60);
        OutboxEntry head = stores.outbox.leaseHead(WebhookSubscription.consumerOf(id), sent,
                Duration.ofSeconds(30)).orElseThrow();
        stores.outbox.markDone(head.id(), head.leaseToken(), sent.plusSeconds(1), "sent: 204");
        OutboxEntry next = stores.outbox.leaseHead(WebhookSubscription.consumerOf(id), sent.plusSeconds(2),
                Duration.ofSeconds(30)).orElseThrow();
        stores.outbox.markFailed(next.id(), next.leaseToken(), sent.plusSeconds(3), "HTTP 503",
                sent.plusSeconds(120));

        Result log = grace.run("webhooks", "deliveries", id);
        assertThat(log.exit()).as(log.err()).isZero();
        List<String> lines = log.out().lines().toList();
        assertThat(lines.get(0)).startsWith("EVENT").contains("RESERVATION", "VERSION", "CREATED", "ATTEMPTS",
                "RESULT", "STATE");
        assertThat(log.out()).contains(first, second, "reservation.created", "sent: 204", "last error: HTTP 503",
                "done 2030-01-07 09:01 Europe/Berlin", "pending, next try 2030-01-07 09:03 Europe/Berlin",
                "web app's dispatcher");
        assertThat(log.out()).doesNotContain(".000", "T08:00");

        JsonNode json = grace.json("webhooks", "deliveries", id, "--limit", "1").get("deliveries");
        assertThat(json).hasSize(1);
        JsonNode all = grace.json("webhooks", "deliveries", id).get("deliveries");
        assertThat(all).hasSize(2);
        assertThat(texts(all, "reservationId")).containsExactlyInAnyOrder(first, second);
        JsonNode done = all.get(0).get("done").asBoolean() ? all.get(0) : all.get(1);
        JsonNode failed = done == all.get(0) ? all.get(1) : all.get(0);
        assertThat(done.get("event").asText()).isEqualTo("reservation.created");
        assertThat(done.get("outcome").asText()).isEqualTo("sent: 204");
        assertThat(done.get("doneAt").asText()).isEqualTo("2030-01-07T08:01:01Z");
        assertThat(done.get("version").asLong()).isEqualTo(head.version());
        assertThat(failed.get("done").asBoolean()).isFalse();
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(failed.get("lastAttemptAt").asText()).isEqualTo("2030-01-07T08:01:03Z");

        // cancelling through the CLI: the next sweep queues reservation.cancelled
        assertThat(grace.run("reservations", "cancel", first).exit()).isZero();
        webAppSweeps();
        assertThat(grace.run("webhooks", "deliveries", id).out()).contains("reservation.cancelled");

        assertThat(cli.as("alan@example.com").run("webhooks", "deliveries", id).exit()).as("not alan's").isEqualTo(3);
        assertThat(grace.run("webhooks", "delete", id).exit()).isZero();
        assertThat(stores.outbox.recent(WebhookSubscription.consumerOf(id), 10)).as("purged").isEmpty();
    }

    /** What the web app's sweeper does every 30 s, with webhook subscriptions among its consumers. */
    private void webAppSweeps() {
        Webhooks webhooks = new Webhooks(stores.webhooks, stores.outbox, stores.users, stores.rooms,
                IdGenerator.uuids(), Clock.fixed(CliHarness.NOW, ZoneOffset.UTC), new SecureRandom(), UrlPolicy.STRICT,
                Duration.ZERO);
        for (Clock at : List.of(Clock.fixed(CliHarness.NOW.minusSeconds(60), ZoneOffset.UTC),
                Clock.fixed(CliHarness.NOW.plusSeconds(60), ZoneOffset.UTC))) {
            new OutboxSweeper(new ScanningReservationChanges(stores.reservations), stores.outbox,
                    webhooks::consumersFor, at, Duration.ofMinutes(10), Duration.ZERO).sweep();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
