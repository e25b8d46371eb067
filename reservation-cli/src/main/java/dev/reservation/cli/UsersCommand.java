package dev.reservation.cli;

import dev.reservation.cli.input.UsageErrorException;
import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Tables;
import dev.reservation.cli.output.Views.UserView;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.NewUser;
import dev.reservation.core.service.UserService;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code users list | add | show | edit | deactivate | reactivate}, and the password commands
 * {@code passwd} and {@code bootstrap-admin}, and {@code feed-url}. Changes need an ADMIN (the core decides). One
 * instance per run; not thread-safe.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "List, add, show, edit, deactivate users; set passwords; make the first admin; calendar feed URLs.",
        subcommands = {PasswdCommand.class, BootstrapAdminCommand.class, FeedUrlCommand.class})
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

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
        "Add a user (admins only). They sign in once they have a password: 'users passwd <email>'."})
    int add(@Option(names = "--name", required = true, description = "full name") String name,
            @Option(names = "--email", required = true, description = "email address, unique") String email,
            @Option(names = "--role", defaultValue = "MEMBER", description = "ADMIN or MEMBER (default: ${DEFAULT-VALUE})")
            Role role) {
        User user = context.service(UserService.class).create(context.actor(), new NewUser(name, email, role));
        return print("Added user ", user);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one user.")
    int show(@Parameters(paramLabel = "<email|id>", description = "the user's email or id") String key) {
        User user = context.lookups().user(key);
        context.output().result(Json.object("user", UserView.of(user)), out -> Tables.user(out, user));
        return 0;
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = {
        "Change a user's name or role (admins only); what is not given stays as it is."})
    int edit(@Parameters(paramLabel = "<email|id>", description = "the user's email or id") String key,
             @Option(names = "--name", description = "new full name") Optional<String> name,
             @Option(names = "--role", description = "new role: ADMIN or MEMBER") Optional<Role> role) {
        if (name.isEmpty() && role.isEmpty()) {
            throw new UsageErrorException("nothing to change: give --name, --role or both");
        }
        User current = context.lookups().user(key);
        User edited = context.service(UserService.class).update(context.actor(), current.id(),
                name.orElse(current.name()), role.orElse(current.role()));
        return print("Changed user ", edited);
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = {
        "Deactivate a user (admins only): no sign-in, no new reservations; their reservations stay.",
        "Deactivating a deactivated user changes nothing and succeeds."})
    int deactivate(@Parameters(paramLabel = "<email|id>", description = "the user's email or id") String key) {
        User current = context.lookups().user(key);
        User changed = context.service(UserService.class).deactivate(context.actor(), current.id());
        return print(current.active() ? "Deactivated user " : "Was already deactivated: user ", changed);
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true, description = {
        "Reactivate a deactivated user (admins only): they may sign in and be booked for again."})
    int reactivate(@Parameters(paramLabel = "<email|id>", description = "the user's email or id") String key) {
        User current = context.lookups().user(key);
        User changed = context.service(UserService.class).reactivate(context.actor(), current.id());
        return print(current.active() ? "Was already active: user " : "Reactivated user ", changed);
    }

    private int print(String what, User user) {
        context.output().result(Json.object("user", UserView.of(user)), out -> {
            out.print(what);
            Tables.user(out, user);
        });
        return 0;
    }
}
