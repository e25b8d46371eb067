package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.core.notify.FeedToken;
import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.FeedTokens;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxStore;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Calendars and notifications (issue 19): {@code users feed-url} and {@code notifications status},
 * against one kind of store. The subclass hands out the store's outbox and feed tokens as another
 * process (the web app) sees them.
 */
abstract class NotificationScenarios extends ManagementScenarios {
    private static final Pattern USER_FEED = Pattern.compile("https://rooms\\.example\\.com/ical/users/([A-Za-z0-9_-]{43})\\.ics");

    /** The outbox of the store the CLI runs on, as a web app would write it. */
    protected abstract OutboxStore outbox();

    /** The feed tokens of the store the CLI runs on, as the web app reads them. */
    protected abstract FeedTokenStore feedTokens();

    private static String token(String url) {
        Matcher m = USER_FEED.matcher(url);
        assertThat(m.matches()).as("a user feed URL: " + url).isTrue();
        return m.group(1);
    }

    @Test
    void tokensAreCreatedOnceListedWithoutTheirSecretAndRevoked() {
        assertThat(cli.run("seed").exit()).isZero();
        CliHarness grace = cli.as("grace@example.com");

        Result created = grace.run("tokens", "create", "--name", "nightly export", "--scope", "read");
        assertThat(created.exit()).as(created.err()).isZero();
        String[] lines = created.out().split("\n");
        assertThat(lines[0]).isEqualTo("API token \"nightly export\" (read) for Grace Hopper <grace@example.com>:");
        assertThat(lines[1]).matches("rsv_[A-Za-z0-9_-]{43}");
        assertThat(created.out()).contains("shown only now");

        JsonNode listed = grace.json("tokens", "list").get("tokens");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("scope").asText()).isEqualTo("read");
        assertThat(listed.get(0).get("secret").isNull()).as("never listed").isTrue();
        assertThat(grace.run("tokens", "list").out()).contains("nightly export").doesNotContain(lines[1]);

        Result admin = grace.run("tokens", "create", "--name", "x", "--scope", "admin");
        assertThat(admin.exit()).isEqualTo(2);
        assertThat(admin.errLine()).contains("scope admin needs an ADMIN user");
        Result bad = grace.run("tokens", "create", "--name", "x", "--scope", "root");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errLine()).contains("scope must be read, book or admin");
        assertThat(grace.run("tokens", "list", "alan@example.com").exit()).as("someone else's").isEqualTo(5);

        String id = listed.get(0).get("id").asText();
        assertThat(grace.run("tokens", "revoke", id).exit()).isZero();
        assertThat(grace.json("tokens", "list").get("tokens")).isEmpty();
        Result again = grace.run("tokens", "revoke", id);
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.errLine()).contains("no API token " + id);
    }

    @Test
    void aWebhookSubscriptionMadeInOneRunIsListedByTheNextAndDeletedByAThird() {
        assertThat(cli.run("seed").exit()).isZero();
        CliHarness grace = cli.as("grace@example.com");
        Result created = grace.run("webhooks", "create", "--url", "https://hooks.example.com/rooms", "--event",
                "reservation.created");
        assertThat(created.exit()).as(created.err()).isZero();
        String id = created.out().lines().findFirst().orElseThrow().split(" ")[2].replace(":", "");
        String secret = created.out().lines().filter(l -> l.startsWith("whsec_")).findFirst().orElseThrow();

        Result listed = grace.run("webhooks", "list");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(id, "https://hooks.example.com/rooms").doesNotContain(secret);
        assertThat(cli.as("alan@example.com").run("webhooks", "list").out()).doesNotContain(id);

        assertThat(grace.run("webhooks", "delete", id).exit()).isZero();
        Result gone = grace.run("webhooks", "deliveries", id);
        assertThat(gone.exit()).isEqualTo(3);
        assertThat(gone.errLine()).contains(id);
    }

    @Test
    void feedUrlIssuesAUrlWhoseTokenTheWebAppFindsAndRotatingItRetiresTheOldOne() {
        assertThat(cli.run("seed").exit()).isZero();
        CliHarness grace = cli.as("grace@example.com").withEnv("RESERVATION_PUBLIC_URL", "https://rooms.example.com/");

        Result first = grace.run("users", "feed-url");
        assertThat(first.exit()).as(first.err()).isZero();
        String[] lines = first.out().split("\n");
        assertThat(lines[0]).isEqualTo("Feed URL for Grace Hopper's reservations, for Grace Hopper <grace@example.com>:");
        String firstToken = token(lines[1]);
        assertThat(feedTokens().findByDigest(FeedTokens.digest(firstToken)))
                .hasValueSatisfying(t -> assertThat(t.userId()).isEqualTo("u-grace"));
        assertThat(first.out()).doesNotContain("--base-url");

        Result again = grace.run("users", "feed-url");
        assertThat(again.exit()).isEqualTo(4);
        assertThat(again.out()).isEmpty();
        assertThat(again.errLine()).isEqualTo("already exists: grace@example.com has a feed URL for Grace Hopper's"
                + " reservations since 2030-01-07 08:00 UTC; it cannot be shown again (only its hash is stored): add"
                + " --rotate to issue a new one (the old URL stops working at once)");
        assertThat(feedTokens().findByDigest(FeedTokens.digest(firstToken))).as("refused: nothing changed").isPresent();

        JsonNode rotated = grace.json("users", "feed-url", "--rotate").get("feed");
        assertThat(rotated.get("rotated").asBoolean()).isTrue();
        assertThat(rotated.get("feed").asText()).isEqualTo("user");
        assertThat(rotated.get("roomId").isNull()).isTrue();
        assertThat(rotated.get("createdAt").asText()).isEqualTo("2030-01-07T08:00:00Z");
        String secondToken = token(rotated.get("url").asText());
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(feedTokens().findByDigest(FeedTokens.digest(firstToken))).as("the old URL").isEmpty();
        assertThat(feedTokens().findByDigest(FeedTokens.digest(secondToken))).isPresent();
    }

    @Test
    void aRoomFeedUrlCarriesTheRoomAndTheTokenAndAnAdminIssuesOneForAnyone() {
        assertThat(cli.run("seed").exit()).isZero();
        Result issued = cli.run("users", "feed-url", "alan@example.com", "--room", "Spree");
        assertThat(issued.exit()).as(issued.err()).isZero();
        assertThat(issued.out()).startsWith("Feed URL for room Spree's calendar, for Alan Turing <alan@example.com>:\n")
                .contains("The address assumes the web app at http://localhost:8080: give --base-url or set"
                        + " $RESERVATION_PUBLIC_URL for another.");
        Matcher m = Pattern.compile("http://localhost:8080/ical/rooms/r-spree\\.ics\\?token=([A-Za-z0-9_-]{43})")
                .matcher(issued.out());
        assertThat(m.find()).as(issued.out()).isTrue();
        assertThat(feedTokens().findByDigest(FeedTokens.digest(m.group(1))))
                .hasValueSatisfying(t -> assertThat(t.feed()).isEqualTo(FeedToken.roomFeed("r-spree")));

        JsonNode viaFlag = cli.json("users", "feed-url", "u-alan", "--base-url", "https://rooms.example.com/x/")
                .get("feed");
        assertThat(viaFlag.get("url").asText()).startsWith("https://rooms.example.com/x/ical/users/");
        assertThat(viaFlag.get("roomId").isNull()).isTrue();
        assertThat(viaFlag.get("rotated").asBoolean()).as("the user feed is another feed than the room's").isFalse();
    }

    @Test
    void feedUrlRefusesAMemberForSomeoneElseTheOperatorWithoutAUserAndABadAddress() {
        assertThat(cli.run("seed").exit()).isZero();
        Result foreign = cli.as("grace@example.com").run("users", "feed-url", "alan@example.com");
        assertThat(foreign.exit()).isEqualTo(5);
        assertThat(foreign.errLine()).isEqualTo("permission denied: only the user themselves or an admin may manage"
                + " their calendar feeds");
        Result whose = cli.run("users", "feed-url");
        assertThat(whose.exit()).isEqualTo(2);
        assertThat(whose.errLine()).startsWith("usage error: say whose feed: users feed-url <email|id>");
        Result badUrl = cli.run("users", "feed-url", "u-alan", "--base-url", "rooms.example.com");
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.errLine()).isEqualTo("usage error: --base-url 'rooms.example.com' is not an http(s) address"
                + " like https://rooms.example.com");
        Result noRoom = cli.run("users", "feed-url", "u-alan", "--room", "Atlantis");
        assertThat(noRoom.exit()).isEqualTo(3);
        assertThat(noRoom.errLine()).startsWith("not found:");
        assertThat(foreign.out() + whose.out() + badUrl.out() + noRoom.out()).isEmpty();
    }

    @Test
    void notificationsStatusShowsDepthOldestPendingAndTheLastErrorToAnAdminOnly() {
        assertThat(cli.run("seed").exit()).isZero();
        JsonNode empty = cli.json("notifications", "status");
        assertThat(empty.get("pending").asLong()).isZero();
        assertThat(empty.get("oldestPending").isNull()).isTrue();
        assertThat(empty.get("lastError").isNull()).isTrue();
        assertThat(cli.run("notifications", "status").out()).startsWith("E-mail outbox: 0 pending.\n"
                + "Oldest pending: none\nLast error: none\n");

        OutboxStore outbox = outbox();
        outbox.enqueue(new OutboxEntry.New(OutboxEntry.EMAIL, "r-one", 0, ChangeKind.BOOKED, "u-alan",
                CliHarness.NOW.minus(Duration.ofMinutes(95))));
        outbox.enqueue(new OutboxEntry.New(OutboxEntry.EMAIL, "r-two", 0, ChangeKind.BOOKED, "u-alan",
                CliHarness.NOW.minus(Duration.ofMinutes(2))));
        OutboxEntry leased = outbox.lease(OutboxEntry.EMAIL, CliHarness.NOW.minus(Duration.ofMinutes(1)),
                Duration.ofSeconds(30), 1).get(0);
        outbox.markFailed(leased.id(), leased.leaseToken(), CliHarness.NOW.minusSeconds(50),
                "Couldn't connect to host, port: mail.example.com, 587", CliHarness.NOW.plusSeconds(30));

        Result table = cli.run("notifications", "status");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).startsWith("E-mail outbox: 2 pending.\n"
                + "Oldest pending: 2030-01-07 07:25 Europe/Berlin (1 h 35 min ago)\n"
                + "Last error: 2030-01-07 08:59 Europe/Berlin, attempt 1 of email:r-one:0: Couldn't connect to"
                + " host, port: mail.example.com, 587\n");
        JsonNode json = cli.json("notifications", "status", "--zone", "UTC");
        assertThat(json.get("consumer").asText()).isEqualTo("email");
        assertThat(json.get("pending").asLong()).isEqualTo(2);
        assertThat(json.get("leased").asLong()).isZero();
        assertThat(json.get("oldestPending").asText()).isEqualTo("2030-01-07T06:25:00Z");
        assertThat(json.get("oldestPendingAgeMillis").asLong()).isEqualTo(Duration.ofMinutes(95).toMillis());
        assertThat(json.get("lastError").get("entryId").asText()).isEqualTo("email:r-one:0");
        assertThat(json.get("lastError").get("attempts").asInt()).isEqualTo(1);
        assertThat(json.get("lastError").get("at").asText()).isEqualTo("2030-01-07T07:59:10Z");

        Result member = cli.as("grace@example.com").run("notifications", "status");
        assertThat(member.exit()).isEqualTo(5);
        assertThat(member.errLine()).isEqualTo("permission denied: only an admin may see the notification outbox");
        assertThat(member.out()).isEmpty();
        Result badZone = cli.run("notifications", "status", "--zone", "Mars/Olympus");
        assertThat(badZone.exit()).isEqualTo(2);
        assertThat(badZone.errLine()).isEqualTo("invalid zone: 'Mars/Olympus' is not a time zone (e.g. Europe/Berlin)");
    }
}
