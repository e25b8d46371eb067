package dev.reservation.cli;

import dev.reservation.cli.input.UsageErrorException;
import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.TextTable;
import dev.reservation.cli.output.Views;
import dev.reservation.core.auth.ApiToken;
import dev.reservation.core.auth.TokenScope;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.ApiTokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokens create|list|revoke}: personal API tokens (for {@code Authorization: Bearer}) of the
 * acting user ({@code --as}) or, as an ADMIN or the local operator, of anyone. A token is printed
 * once, when created: only its hash is stored. Bad input is exit 2, an unknown user or token 3, a
 * member managing someone else's 5. One instance per run; not thread-safe.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Personal API tokens for the JSON API (Authorization: Bearer rsv_...).")
public final class TokensCommand {
    private final CliContext context;

    public TokensCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {
        "Create a token and print it (only now: only its hash is stored). Scopes: read (GET only), book (also"
            + " book, cancel, check in), admin (everything the user's role allows; ADMIN users only)."})
    int create(@Option(names = "--name", required = true, paramLabel = "<text>", description = "what it is for")
               String name,
               @Option(names = "--scope", required = true, paramLabel = "read|book|admin") String scope,
               @Parameters(index = "0", arity = "0..1", paramLabel = "<email|id>",
                       description = "whose token (default: yours, with --as)") String key) {
        User owner = owner(key);
        ApiTokens.Issued issued = context.service(ApiTokens.class).issue(context.actor(), owner.id(), name,
                TokenScope.parse(scope));
        context.output().result(Json.object("token", json(issued.stored(), issued.token())), out -> {
            out.println("API token \"" + issued.stored().name() + "\" (" + issued.stored().scope().label() + ") for "
                    + owner.name() + " <" + owner.email() + ">:");
            out.println(issued.token());
            out.println("Send it as 'Authorization: Bearer <token>'. It is shown only now.");
        });
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    int list(@Parameters(index = "0", arity = "0..1", paramLabel = "<email|id>",
            description = "whose tokens (default: yours, with --as)") String key) {
        User owner = owner(key);
        List<ApiToken> tokens = context.service(ApiTokens.class).list(context.actor(), owner.id());
        context.output().result(Json.object("tokens", tokens.stream().map(t -> json(t, null)).toList()), out -> {
            TextTable table = new TextTable("ID", "NAME", "SCOPE", "CREATED", "LAST USED");
            tokens.forEach(t -> table.row(t.id(), t.name(), t.scope().label(), Views.text(t.createdAt()),
                    t.lastUsedAt() == null ? "never" : Views.text(t.lastUsedAt())));
            table.print(out, "No API tokens for " + owner.email() + ".");
        });
        return 0;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = {
        "Revoke a token: at once on every web app's next cache refresh (within seconds)."})
    int revoke(@Parameters(index = "0", paramLabel = "<token-id>") String id,
               @Parameters(index = "1", arity = "0..1", paramLabel = "<email|id>",
                       description = "whose token (default: yours, with --as)") String key) {
        User owner = owner(key);
        context.service(ApiTokens.class).revoke(context.actor(), owner.id(), id);
        context.output().result(Json.object("revoked", id), out -> out.println("Revoked API token " + id + " of "
                + owner.email() + "; web apps refuse it within seconds."));
        return 0;
    }

    private User owner(String key) {
        return Optional.ofNullable(key).map(context.lookups()::user).or(context::actingUser)
                .orElseThrow(() -> new UsageErrorException("say whose tokens: add <email|id> (the local operator has"
                        + " no tokens of their own)"));
    }

    private static Map<String, Object> json(ApiToken t, String secret) {
        return Json.object("id", t.id(), "userId", t.userId(), "name", t.name(), "scope", t.scope().label(),
                "createdAt", Views.text(t.createdAt()),
                "lastUsedAt", t.lastUsedAt() == null ? null : Views.text(t.lastUsedAt()), "secret", secret);
    }
}
