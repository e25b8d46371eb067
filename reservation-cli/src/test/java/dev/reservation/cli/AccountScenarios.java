package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import dev.reservation.cli.input.PasswordInput;
import dev.reservation.core.domain.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

/**
 * Who acts (issue 7): {@code --as} with a password from the environment or the prompt, the local
 * operator without it, password changes and the first admin, against one kind of store. Every
 * password used here is in {@link #SECRETS}; {@link CommandScenarios} checks none was ever printed.
 */
abstract class AccountScenarios extends ReservationScenarios {
    static final String NEW_PASSWORD = "brand-new-passw0rd";
    static final String ADMIN_PASSWORD = "root-passw0rd-first";
    static final String OTHER_ADMIN_PASSWORD = "root-passw0rd-second";
    static final String WRONG_PASSWORD = "not-the-passw0rd";
    static final String ON_THE_COMMAND_LINE = "hunter2-in-argv";
    static final String[] SECRETS = {NEW_PASSWORD, ADMIN_PASSWORD, OTHER_ADMIN_PASSWORD, WRONG_PASSWORD,
        ON_THE_COMMAND_LINE};
    static final String SIGN_IN_FAILED = "sign-in failed: " + AuthenticationFailedException.MESSAGE;

    private static final String[] BOOK_SPREE = {"reserve", "--room", "Spree", "--start", "2030-01-07 10:00",
        "--end", "11:00", "--title", "Standup"};

    private void seedDemo() {
        assertThat(cli.run("seed").exit()).isZero();
    }

    @Test
    void signsInWithThePasswordFromTheEnvironmentAndActsAsThatUser() {
        seedDemo();
        JsonNode booked = cli.as("grace@example.com").json(BOOK_SPREE).get("reservation");
        assertThat(booked.get("userId").asText()).isEqualTo("u-grace");
        assertThat(booked.get("createdBy").asText()).isEqualTo("u-grace");
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownEmailAlikeWithExit8() {
        seedDemo();
        Result wrong = cli.as("grace@example.com", WRONG_PASSWORD).run("rooms", "list");
        assertThat(wrong.exit()).isEqualTo(8);
        assertThat(wrong.err()).isEqualTo(SIGN_IN_FAILED + "\n");
        assertThat(wrong.out()).isEmpty();
        Result unknown = cli.as("nobody@example.com", WRONG_PASSWORD).run("rooms", "list");
        assertThat(unknown.exit()).isEqualTo(8);
        assertThat(unknown.err()).isEqualTo(wrong.err());
        Result verbose = cli.as("grace@example.com", WRONG_PASSWORD).run("--verbose", "rooms", "list");
        assertThat(verbose.exit()).isEqualTo(8);
        assertThat(verbose.err()).contains("AuthenticationFailedException", "\tat ");
    }

    @Test
    void asksForThePasswordWithoutEchoWhenTheEnvironmentHasNone() {
        seedDemo();
        ScriptedPrompt terminal = new ScriptedPrompt("demo-password");
        Result result = cli.withPrompt(terminal).run("--as", "grace@example.com", "--json", "reserve", "--room", "Spree",
                "--start", "2030-01-07 10:00", "--end", "11:00", "--title", "Typed");
        assertThat(result.exit()).isZero();
        assertThat(terminal.asked).containsExactly("Password for grace@example.com: ");
        assertThat(result.json().get("reservation").get("userId").asText()).isEqualTo("u-grace");
    }

    @Test
    void asWithoutAPasswordSourceIsAUsageErrorSayingWhereTheCliLooks() {
        seedDemo();
        Result result = cli.run("--as", "grace@example.com", "rooms", "list");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLine()).isEqualTo("usage error: --as grace@example.com needs a password: set"
                + " RESERVATION_PASSWORD or run in a terminal to be asked for it (never on the command line)");
    }

    @Test
    void refusesAPasswordOnTheCommandLineWithoutRepeatingIt() {
        Result spaced = cli.run("--password", ON_THE_COMMAND_LINE, "rooms", "list");
        assertThat(spaced.exit()).isEqualTo(2);
        assertThat(spaced.errLine()).startsWith("usage error: passwords are never taken from the command line");
        Result joined = cli.run("rooms", "list", "--password=" + ON_THE_COMMAND_LINE);
        assertThat(joined.exit()).isEqualTo(2);
        assertThat(joined.errLine()).startsWith("usage error: passwords are never taken from the command line");
    }

    @Test
    void aUserChangesTheirOwnPasswordAndOnlyTheNewOneWorksAfterwards() {
        seedDemo();
        Result changed = cli.as("grace@example.com").withEnv(PasswordInput.NEW_PASSWORD_ENV, NEW_PASSWORD)
                .run("users", "passwd");
        assertThat(changed.exit()).isZero();
        assertThat(changed.out()).isEqualTo("Password set for Grace Hopper <grace@example.com>.\n");
        assertThat(cli.as("grace@example.com").run("rooms", "list").exit()).isEqualTo(8);
        assertThat(cli.as("grace@example.com", NEW_PASSWORD).run("rooms", "list").exit()).isZero();
    }

    @Test
    void aNewPasswordTypedAtThePromptMustBeTypedTwiceTheSameAndBeLongEnough() {
        seedDemo();
        ScriptedPrompt typedTwice = new ScriptedPrompt(NEW_PASSWORD, NEW_PASSWORD);
        assertThat(cli.withPrompt(typedTwice).run("users", "passwd", "alan@example.com").exit()).isZero();
        assertThat(typedTwice.asked).containsExactly("New password for alan@example.com: ", "Repeat the new password: ");
        assertThat(cli.as("alan@example.com", NEW_PASSWORD).run("users", "show", "alan@example.com").exit()).isZero();

        Result differ = cli.withPrompt(new ScriptedPrompt(NEW_PASSWORD, WRONG_PASSWORD)).run("users", "passwd", "u-alan");
        assertThat(differ.exit()).isEqualTo(2);
        assertThat(differ.errLine()).isEqualTo("invalid password: the two passwords typed differ; nothing was changed");
        Result tooShort = cli.withEnv(PasswordInput.NEW_PASSWORD_ENV, "short").run("users", "passwd", "u-alan");
        assertThat(tooShort.exit()).isEqualTo(2);
        assertThat(tooShort.errLine()).isEqualTo("invalid password: a password needs at least 8 characters");
        Result nobodyToAsk = cli.run("users", "passwd", "u-alan");
        assertThat(nobodyToAsk.exit()).isEqualTo(2);
        assertThat(nobodyToAsk.errLine()).startsWith("usage error: set RESERVATION_NEW_PASSWORD or run in a terminal");
        assertThat(cli.as("alan@example.com", NEW_PASSWORD).run("users", "list").exit()).as("still the first").isZero();
    }

    @Test
    void onlyAnAdminSetsSomeoneElsesPasswordAndTheLocalOperatorMustSayWhose() {
        seedDemo();
        CliHarness newPassword = cli.withEnv(PasswordInput.NEW_PASSWORD_ENV, NEW_PASSWORD);
        Result member = newPassword.as("grace@example.com").run("users", "passwd", "alan@example.com");
        assertThat(member.exit()).isEqualTo(5);
        assertThat(member.errLine()).isEqualTo("permission denied: a member may not manage users");
        Result operator = newPassword.run("users", "passwd");
        assertThat(operator.exit()).isEqualTo(2);
        assertThat(operator.errLine()).startsWith("usage error: say whose password: users passwd <email|id>");
        JsonNode byAdmin = newPassword.as("ada@example.com").json("users", "passwd", "alan@example.com");
        assertThat(byAdmin.get("passwordSet").asBoolean()).isTrue();
        assertThat(byAdmin.get("user").get("id").asText()).isEqualTo("u-alan");
        assertThat(cli.as("alan@example.com", NEW_PASSWORD).run("rooms", "list").exit()).isZero();
    }

    @Test
    void bootstrapAdminCreatesASignInAbleAdminOnceAndNeverReplacesItsPassword() {
        CliHarness first = cli.withEnv(PasswordInput.ADMIN_PASSWORD_ENV, ADMIN_PASSWORD);
        JsonNode created = first.json("users", "bootstrap-admin", "--email", "Root@Example.com", "--name", "Root");
        assertThat(created.get("created").asBoolean()).isTrue();
        assertThat(created.get("user").get("role").asText()).isEqualTo("ADMIN");
        assertThat(cli.as("root@example.com", ADMIN_PASSWORD).run("users", "add", "--name", "Barbara",
                "--email", "barbara@example.com").exit()).isZero();

        Result again = cli.withEnv(PasswordInput.ADMIN_PASSWORD_ENV, OTHER_ADMIN_PASSWORD)
                .run("users", "bootstrap-admin", "--email", "root@example.com", "--name", "Root");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("Admin ready (the account existed; a password it had is kept): Root");
        assertThat(cli.as("root@example.com", OTHER_ADMIN_PASSWORD).run("users", "list").exit()).isEqualTo(8);
        assertThat(cli.as("root@example.com", ADMIN_PASSWORD).run("users", "list").exit()).isZero();
    }

    @Test
    void bootstrapAdminAsksForThePasswordTwiceWhenTheEnvironmentHasNone() {
        ScriptedPrompt terminal = new ScriptedPrompt(ADMIN_PASSWORD, ADMIN_PASSWORD);
        Result result = cli.withPrompt(terminal).run("users", "bootstrap-admin", "--email", "root@example.com",
                "--name", "Root");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Created admin with the given password: Root <root@example.com>");
        assertThat(terminal.asked).containsExactly("New password for root@example.com: ", "Repeat the new password: ");
        assertThat(cli.as("root@example.com", ADMIN_PASSWORD).run("rooms", "list").exit()).isZero();
    }

    @Test
    void seedOnTheEmbeddedDefaultGivesEveryDemoUserTheDemoPassword() {
        Result seeded = cli.run("seed");
        assertThat(seeded.out()).contains("Demo users sign in with --as <email> and the demo password stated in the README");
        for (String email : new String[] {"ada@example.com", "grace@example.com", "linus@example.com"}) {
            assertThat(cli.as(email).run("users", "show", email).exit()).as(email).isZero();
        }
    }
}
