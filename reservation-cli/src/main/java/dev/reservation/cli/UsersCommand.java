package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Tables;
import dev.reservation.cli.output.Views.UserView;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.NewUser;
import dev.reservation.core.service.UserService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users list | add | show}. One instance per run; not thread-safe. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "List, add and show users.")
public final class UsersCommand {
    private final CliContext context;

    public UsersCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List all users, by name.")
    int list() {
        List<User> users = context.service(UserService.class).list();
        context.output().result(Json.object("users", users.stream().map(UserView::of).toList()),
                out -> Tables.users(out, users));
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user (admins only).")
    int add(@Option(names = "--name", required = true, description = "full name") String name,
            @Option(names = "--email", required = true, description = "email address, unique") String email,
            @Option(names = "--role", defaultValue = "MEMBER", description = "ADMIN or MEMBER (default: ${DEFAULT-VALUE})")
            Role role) {
        context.requireAdmin("adding a user");
        User user = context.service(UserService.class).create(new NewUser(name, email, role));
        context.output().result(Json.object("user", UserView.of(user)), out -> {
            out.print("Added user ");
            Tables.user(out, user);
        });
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one user.")
    int show(@Parameters(paramLabel = "<email|id>", description = "the user's email or id") String key) {
        User user = context.lookups().user(key);
        context.output().result(Json.object("user", UserView.of(user)), out -> Tables.user(out, user));
        return 0;
    }
}
