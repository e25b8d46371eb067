package dev.reservation.cli;

import dev.reservation.cli.input.PasswordInput;
import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Tables;
import dev.reservation.cli.output.Views.UserView;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.UserService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code users bootstrap-admin}: makes sure an ADMIN with this email exists and can sign in. It is
 * how the first admin of a MongoDB deployment appears, so it needs no {@code --as}: whoever can reach
 * the database can run it (as they could write to it directly). Idempotent; never replaces an
 * existing password. One instance per run; not thread-safe.
 */
@Command(name = "bootstrap-admin", mixinStandardHelpOptions = true, description = {
    "Make sure an ADMIN with this email exists and can sign in: creates it, or makes an existing user an"
        + " active ADMIN. Gives the password only to an account without one; never replaces a password.",
    "Needs no --as (it makes the first admin). The password comes from $" + PasswordInput.ADMIN_PASSWORD_ENV
        + ", else it is asked for twice without echo."})
public final class BootstrapAdminCommand implements Callable<Integer> {
    @Option(names = "--email", required = true, description = "the admin's email")
    private String email;

    @Option(names = "--name", required = true, description = "the admin's full name (for a new account)")
    private String name;

    private final CliContext context;

    public BootstrapAdminCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String normalized = User.normalizeEmail(email);
        char[] password = context.passwords().toChoose(PasswordInput.ADMIN_PASSWORD_ENV, normalized);
        User admin;
        boolean existed;
        try {
            existed = exists(normalized);
            admin = context.serviceActingAsNobody(AuthService.class).bootstrapAdmin(normalized, name, password);
        } finally {
            PasswordInput.wipe(password);
        }
        context.output().result(Json.object("user", UserView.of(admin), "created", !existed), out -> {
            out.print(existed ? "Admin ready (the account existed; a password it had is kept): "
                    : "Created admin with the given password: ");
            Tables.user(out, admin);
        });
        return 0;
    }

    private boolean exists(String normalizedEmail) {
        try {
            context.serviceActingAsNobody(UserService.class).byEmail(normalizedEmail);
            return true;
        } catch (UserNotFoundException e) {
            return false;
        }
    }
}
