package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.TextTable;
import dev.reservation.cli.output.Times;
import dev.reservation.cli.output.Views;
import dev.reservation.core.domain.Room;
import dev.reservation.core.hooks.EventTypes;
import dev.reservation.core.hooks.Signatures;
import dev.reservation.core.hooks.WebhookSubscription;
import dev.reservation.core.hooks.Webhooks;
import dev.reservation.core.notify.OutboxEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code webhooks create|list|delete|enable|disable|deliveries}: webhook subscriptions of the acting
 * user ({@code --as}); an ADMIN (or the local operator) sees and manages everyone's and may subscribe
 * to everyone's reservations ({@code --everyone}). The secret is printed once, when created. The CLI
 * never delivers: the web app's dispatcher does, from the outbox. Bad input is exit 2, an unknown
 * subscription or room 3, a member asking for {@code --everyone} 5. One instance per run; not thread-safe.
 */
@Command(name = "webhooks", mixinStandardHelpOptions = true, description = {
    "Webhook subscriptions: HTTPS POSTs of reservation events to your receiver, signed with a secret.",
    "The CLI never delivers webhooks itself: the web app's dispatcher does, from the outbox, in the order"
        + " the changes were made; this command manages subscriptions and shows their delivery log."})
public final class WebhooksCommand {
    static final String VERIFY_HINT = "Receivers verify the " + Signatures.HEADER + " header, t=<unix seconds>,"
            + "v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed with the secret>, and reject a t older than a few minutes.";
    static final String DELIVERED_BY = "The CLI sends no webhooks: the web app's dispatcher delivers them.";

    private final CliContext context;

    public WebhooksCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {
        "Subscribe a URL (https) to reservation events and print the subscription's id and secret (only now).",
        "Events: reservation.created, reservation.requested, reservation.changed, reservation.cancelled,"
            + " reservation.approved, reservation.auto_released.",
        "Without --everyone it receives your own reservations' events; with --everyone (admins only) everyone's.",
        VERIFY_HINT,
        DELIVERED_BY})
    int create(@Option(names = "--url", required = true, paramLabel = "<https-url>",
                       description = "where to POST the events") String url,
               @Option(names = "--event", required = true, split = ",", paramLabel = "<event>",
                       description = "an event to send (repeat, or separate with commas)") List<String> events,
               @Option(names = "--room", split = ",", paramLabel = "<name|id>",
                       description = "only this room's reservations (repeat for more; default: all rooms)")
               List<String> rooms,
               @Option(names = "--everyone", description = "everyone's reservations, not only yours (admins only)")
               boolean everyone) {
        Set<String> roomIds = new LinkedHashSet<>();
        if (rooms != null) {
            rooms.stream().map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(key -> roomIds.add(context.lookups().room(key).id()));
        }
        Webhooks webhooks = context.service(Webhooks.class);
        Webhooks.Created created = webhooks.create(context.actor(), url,
                EventTypes.parse(events.stream().map(String::strip).toList()), roomIds, everyone);
        WebhookSubscription s = created.subscription();
        context.output().result(Json.object("webhook", json(s, s.secret())), out -> {
            out.println("Webhook subscription " + s.id() + " to " + s.url() + ":");
            out.println("Events: " + String.join(", ", EventTypes.names(s.events())) + "; " + rooms(s) + "; "
                    + scope(s) + ".");
            out.println("Secret (shown only now; keep it with your receiver, 'webhooks list' never shows it):");
            out.println(s.secret());
            out.println(VERIFY_HINT);
            out.println(DELIVERED_BY);
        });
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {
        "List subscriptions (yours; an admin's: everyone's), never their secrets. Times in the machine's zone"
            + " (or --zone).", DELIVERED_BY})
    int list(@Option(names = "--zone", paramLabel = "<zone>",
            description = "time zone for the times shown, e.g. Europe/Berlin (default: the machine's)") String zone) {
        ZoneId shown = zone == null ? context.localZone() : Room.parseZone(zone);
        List<WebhookSubscription> all = context.service(Webhooks.class).list(context.actor());
        context.output().result(Json.object("webhooks", all.stream().map(s -> json(s, null)).toList()), out -> {
            TextTable table = new TextTable("ID", "URL", "EVENTS", "ROOMS", "SCOPE", "STATE", "FAILING SINCE");
            all.forEach(s -> table.row(s.id(), s.url(), String.join(",", EventTypes.names(s.events())), rooms(s),
                    s.scope().name().toLowerCase(java.util.Locale.ROOT),
                    s.enabled() ? "enabled" : "disabled: " + s.disabledReason(),
                    s.failingSince() == null ? "-" : local(s.failingSince(), shown)));
            table.print(out, "No webhook subscriptions.");
        });
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = {
        "Delete a subscription and its delivery log; deliveries still waiting are never sent."})
    int delete(@Parameters(index = "0", paramLabel = "<id>", description = "the subscription (see webhooks list)") String id) {
        context.service(Webhooks.class).delete(context.actor(), id);
        context.output().result(Json.object("deleted", id), out -> out.println("Deleted webhook subscription " + id
                + "; its waiting deliveries will not be sent."));
        return 0;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = {
        "Switch a subscription on (again): its past failures are forgotten and what waits is delivered, oldest"
            + " first.", DELIVERED_BY})
    int enable(@Parameters(index = "0", paramLabel = "<id>", description = "the subscription (see webhooks list)") String id) {
        return switched(id, true);
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = {
        "Switch a subscription off: nothing new is queued for it; what was queued waits until it is enabled."})
    int disable(@Parameters(index = "0", paramLabel = "<id>", description = "the subscription (see webhooks list)") String id) {
        return switched(id, false);
    }

    @Command(name = "deliveries", mixinStandardHelpOptions = true, description = {
        "A subscription's delivery log, newest first: event, reservation and version, when queued, attempts,"
            + " outcome or last error, done or pending. Times in the machine's zone (or --zone).", DELIVERED_BY})
    int deliveries(@Parameters(index = "0", paramLabel = "<id>", description = "the subscription (see webhooks list)") String id,
                   @Option(names = "--limit", defaultValue = "20", paramLabel = "<n>",
                           description = "at most this many, 1-200 (default: ${DEFAULT-VALUE})") int limit,
                   @Option(names = "--zone", paramLabel = "<zone>",
                           description = "time zone for the times shown (default: the machine's)") String zone) {
        if (limit < 1 || limit > 200) {
            throw new dev.reservation.cli.input.UsageErrorException("--limit must be between 1 and 200, not " + limit);
        }
        ZoneId shown = zone == null ? context.localZone() : Room.parseZone(zone);
        List<OutboxEntry> log = context.service(Webhooks.class).deliveries(context.actor(), id, limit);
        Instant now = context.clock().instant();
        context.output().result(Json.object("webhookId", id, "deliveries", log.stream().map(WebhooksCommand::json)
                .toList()), out -> {
                    TextTable table = new TextTable("EVENT", "RESERVATION", "VERSION", "CREATED", "ATTEMPTS", "RESULT",
                            "STATE");
                    log.forEach(e -> table.row(EventTypes.name(e.kind()), e.reservationId(), e.version(),
                            local(e.createdAt(), shown), e.attempts(), result(e), state(e, now, shown)));
                    table.print(out, "No deliveries for webhook subscription " + id + " yet.");
                    out.println(DELIVERED_BY);
                });
        return 0;
    }

    private int switched(String id, boolean on) {
        WebhookSubscription s = context.service(Webhooks.class).setEnabled(context.actor(), id, on);
        context.output().result(Json.object("webhook", json(s, null)), out -> out.println((on ? "Enabled" : "Disabled")
                + " webhook subscription " + s.id() + " (" + s.url() + ")" + (on ? "." : "; nothing new is queued for"
                + " it until it is enabled.")));
        return 0;
    }

    private String rooms(WebhookSubscription s) {
        if (s.roomIds().isEmpty()) {
            return "all rooms";
        }
        return s.roomIds().stream().map(id -> context.lookups().roomById(id).map(Room::name).orElse(id)).sorted()
                .collect(Collectors.joining(","));
    }

    private static String scope(WebhookSubscription s) {
        return s.scope() == WebhookSubscription.Scope.ALL ? "everyone's reservations" : "own reservations";
    }

    private static String local(Instant t, ZoneId zone) {
        return Times.local(t, zone) + " " + zone;
    }

    private static String result(OutboxEntry e) {
        if (e.outcome() != null) {
            return e.outcome();
        }
        return e.lastError() == null ? "-" : "last error: " + e.lastError();
    }

    private static String state(OutboxEntry e, Instant now, ZoneId zone) {
        if (e.done()) {
            return "done " + local(e.doneAt(), zone);
        }
        if (e.leasedAt(now)) {
            return "pending (being delivered)";
        }
        return e.attempts() > 0 && e.notBefore().isAfter(now) ? "pending, next try " + local(e.notBefore(), zone)
                : "pending";
    }

    private static Map<String, Object> json(WebhookSubscription s, String secret) {
        return Json.object("id", s.id(), "ownerId", s.ownerId(), "url", s.url(),
                "events", EventTypes.names(s.events()), "roomIds", s.roomIds().stream().sorted().toList(),
                "scope", s.scope().name(), "enabled", s.enabled(), "disabledReason", s.disabledReason(),
                "failingSince", Views.text(s.failingSince()), "createdAt", Views.text(s.createdAt()),
                "secret", secret);
    }

    private static Map<String, Object> json(OutboxEntry e) {
        return Json.object("id", e.id(), "event", EventTypes.name(e.kind()), "reservationId", e.reservationId(),
                "version", e.version(), "createdAt", Views.text(e.createdAt()), "attempts", e.attempts(),
                "lastError", e.lastError(), "lastAttemptAt", Views.text(e.lastAttemptAt()),
                "outcome", e.outcome(), "doneAt", Views.text(e.doneAt()), "done", e.done());
    }
}
