package dev.reservation.cli;

import dev.reservation.cli.input.UsageErrorException;
import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Times;
import dev.reservation.cli.output.Views;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.notify.FeedToken;
import dev.reservation.core.notify.FeedTokens;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code users feed-url [<email|id>] [--room R] [--rotate]}: issues the secret URL of a calendar
 * feed (the user's own reservations, or one room's) and prints it. Only the token's hash is stored,
 * so a URL can be printed only when it is issued: for a feed that has one, {@code --rotate} is
 * required, and the old URL stops working at once. One's own (with {@code --as}) or, as an ADMIN,
 * anyone's (the core decides). One instance per run; not thread-safe.
 */
@Command(name = "feed-url", mixinStandardHelpOptions = true, description = {
    "Issue the secret URL of an iCalendar feed: your own reservations (with --as, without <email|id>), or"
        + " as an admin anyone's; with --room, that room's calendar (others' bookings only as busy for a member).",
    "Only a hash is stored, so a URL is printed only when issued. For a feed that has one already, add"
        + " --rotate: a new URL is issued and the old one stops working at once."})
public final class FeedUrlCommand implements Callable<Integer> {
    /** The web app's address, as the web app reads it too. */
    static final String PUBLIC_URL_ENV = "RESERVATION_PUBLIC_URL";
    static final String DEFAULT_BASE = "http://localhost:8080";

    @Parameters(index = "0", arity = "0..1", paramLabel = "<email|id>", description = "whose feed (default: yours)")
    private String key;

    @Option(names = "--room", paramLabel = "<name|id>", description = "the feed of this room instead of the"
            + " user's own reservations")
    private String room;

    @Option(names = "--rotate", description = "replace the feed's existing URL (the old one stops working at once)")
    private boolean rotate;

    @Option(names = "--base-url", paramLabel = "<url>", description = "the web app's address as calendar clients"
            + " reach it (default: $" + PUBLIC_URL_ENV + ", else " + DEFAULT_BASE + ")")
    private String baseUrl;

    private final CliContext context;

    public FeedUrlCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<String> configured = Optional.ofNullable(baseUrl).or(() -> context.env(PUBLIC_URL_ENV))
                .filter(s -> !s.isBlank());
        String base = base(configured.orElse(DEFAULT_BASE));
        User target = Optional.ofNullable(key).map(context.lookups()::user)
                .or(context::actingUser)
                .orElseThrow(() -> new UsageErrorException("say whose feed: users feed-url <email|id> (the local"
                        + " operator has no reservations of their own)"));
        Optional<Room> feedRoom = Optional.ofNullable(room).map(context.lookups()::room);
        String feed = feedRoom.map(r -> FeedToken.roomFeed(r.id())).orElse(FeedToken.USER_FEED);
        String what = feedRoom.map(r -> "room " + r.name() + "'s calendar").orElse(target.name() + "'s reservations");
        FeedTokens tokens = context.service(FeedTokens.class);
        Optional<FeedToken> existing = tokens.list(context.actor(), target.id()).stream()
                .filter(t -> t.feed().equals(feed)).findFirst();
        if (existing.isPresent() && !rotate) {
            throw new AlreadyExistsException("feed", target.email() + " has a feed URL for " + what + " since "
                    + Times.local(existing.get().createdAt(), ZoneOffset.UTC) + " UTC; it cannot be shown again (only"
                    + " its hash is stored): add --rotate to issue a new one (the old URL stops working at once)");
        }
        FeedTokens.Issued issued = tokens.issue(context.actor(), target.id(), feed);
        String url = FeedTokens.url(base, feed, issued.token());
        context.output().result(Json.object("feed", Json.object(
                        "userId", target.id(),
                        "feed", feed,
                        "roomId", feedRoom.map(Room::id).orElse(null),
                        "url", url,
                        "createdAt", Views.text(issued.stored().createdAt()),
                        "rotated", existing.isPresent())),
                out -> {
                    out.println((existing.isPresent() ? "New feed URL (the old one stopped working) for " : "Feed URL for ")
                            + what + ", for " + target.name() + " <" + target.email() + ">:");
                    out.println(url);
                    out.println("Subscribe to it in a calendar app (\"add calendar from URL\"). Anyone who has it can"
                            + " read this calendar; it is shown only now.");
                    if (configured.isEmpty()) {
                        out.println("The address assumes the web app at " + DEFAULT_BASE + ": give --base-url or set $"
                                + PUBLIC_URL_ENV + " for another.");
                    }
                });
        return 0;
    }

    /** An absolute http(s) URL without query or fragment, without a trailing slash. */
    private static String base(String url) {
        String u = url.strip();
        try {
            URI uri = new URI(u);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new UsageErrorException("--base-url '" + url + "' is not an http(s) address like"
                        + " https://rooms.example.com");
            }
        } catch (URISyntaxException e) {
            throw new UsageErrorException("--base-url '" + url + "' is not an http(s) address like"
                    + " https://rooms.example.com");
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
