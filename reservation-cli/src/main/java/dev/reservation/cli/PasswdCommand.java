package dev.reservation.cli;

import dev.reservation.cli.input.PasswordInput;
import dev.reservation.cli.input.UsageErrorException;
import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Views.UserView;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.UserService;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code users passwd [<email|id>]}: sets a password, one's own (signed in with {@code --as}) or,
 * as an ADMIN, anyone's. The new password comes from {@code RESERVATION_NEW_PASSWORD} or is typed
 * twice at a no-echo prompt; it is hashed by the core and never printed. One instance per run; not
 * thread-safe.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true, description = {
    "Set a password: your own (with --as, without <email|id>), or anyone's as an admin.",
    "The new password comes from $" + PasswordInput.NEW_PASSWORD_ENV + ", else it is asked for twice"
        + " without echo; never from the command line."})
public final class PasswdCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<email|id>", description = "whose password (default: yours)")
    private String key;

    private final CliContext context;

    public PasswdCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Actor actor = context.actor();
        User target = Optional.ofNullable(key).map(context.lookups()::user)
                .or(context::actingUser)
                .orElseThrow(() -> new UsageErrorException("say whose password: users passwd <email|id> (the local"
                        + " operator has no password of their own)"));
        char[] password = context.passwords().toChoose(PasswordInput.NEW_PASSWORD_ENV, target.email());
        try {
            context.service(UserService.class).setPassword(actor, target.id(), password);
        } finally {
            PasswordInput.wipe(password);
        }
        context.output().result(Json.object("user", UserView.of(target), "passwordSet", true),
                out -> out.println("Password set for " + target.name() + " <" + target.email() + ">."));
        return 0;
    }
}
