package dev.reservation.core.service;

import dev.reservation.core.store.ForwardingUserStore;
import static dev.reservation.core.service.ServiceFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.AccountDeactivatedException;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.TooManySignInAttemptsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.memory.InMemoryCredentialStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.store.UserStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthServiceTest {
    private final ServiceFixture f = new ServiceFixture();

    private char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    void signsInWithTheRightPassword() {
        f.userService.setPassword(as(f.grace), "grace", pw("grace-password"));
        assertThat(f.auth.signIn("GRACE@example.com", pw("grace-password"), "10.0.0.1")).isEqualTo(f.grace);
    }

    @Test
    void unknownEmailWrongPasswordAndNoPasswordGetTheSameAnswer() {
        f.userService.setPassword(as(f.grace), "grace", pw("grace-password"));
        String wrong = messageOf(() -> f.auth.signIn("grace@example.com", pw("not-her-password"), "a1"));
        String unknown = messageOf(() -> f.auth.signIn("nobody@example.com", pw("grace-password"), "a2"));
        String noPassword = messageOf(() -> f.auth.signIn("alan@example.com", pw("anything-at-all"), "a3"));
        String notAnEmail = messageOf(() -> f.auth.signIn("not an email", pw("anything-at-all"), "a4"));
        assertThat(wrong).isEqualTo(AuthenticationFailedException.MESSAGE)
                .isEqualTo(unknown).isEqualTo(noPassword).isEqualTo(notAnEmail);
    }

    @Test
    void deactivatedUsersCannotSignIn() {
        f.userService.setPassword(as(f.grace), "grace", pw("grace-password"));
        f.userService.deactivate(as(f.admin), "grace");
        assertThatThrownBy(() -> f.auth.signIn("grace@example.com", pw("grace-password"), "a"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void blocksAnAccountAfterRepeatedFailuresEvenFromManyAddresses() {
        f.userService.setPassword(as(f.grace), "grace", pw("grace-password"));
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertThatThrownBy(() -> f.auth.signIn("grace@example.com", pw("wrong-password"), "addr" + n))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> f.auth.signIn("grace@example.com", pw("grace-password"), "fresh-address"))
                .isInstanceOf(TooManySignInAttemptsException.class);
    }

    @Test
    void blocksAnAddressThatTriesManyAccounts() {
        f.userService.setPassword(as(f.grace), "grace", pw("grace-password"));
        for (String email : new String[] {"a@example.com", "b@example.com", "c@example.com"}) {
            assertThatThrownBy(() -> f.auth.signIn(email, pw("guess-guess"), "6.6.6.6"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> f.auth.signIn("grace@example.com", pw("grace-password"), "6.6.6.6"))
                .isInstanceOf(TooManySignInAttemptsException.class);
        assertThat(f.auth.signIn("grace@example.com", pw("grace-password"), "7.7.7.7")).isEqualTo(f.grace);
    }

    @Test
    void bootstrapsTheFirstAdminOnceAndNeverOverwritesItsPassword() {
        User admin = f.auth.bootstrapAdmin("boss@example.com", "The Boss", pw("first-password"));
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        f.auth.bootstrapAdmin("boss@example.com", "The Boss", pw("second-password"));
        assertThat(f.auth.signIn("boss@example.com", pw("first-password"), "a")).isEqualTo(admin);
        assertThat(f.users.findAll().stream().filter(u -> u.email().equals("boss@example.com"))).hasSize(1);
    }

    @Test
    void storesOnlyHashes() {
        f.userService.setPassword(as(f.grace), "grace", pw("grace-password"));
        String stored = f.credentials.find("grace").orElseThrow().encode();
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("grace-password");
        assertThat(f.users.findAll().toString()).doesNotContain("pbkdf2").doesNotContain("grace-password");
    }

    @Test
    void aVerifiedEmailMatchesTheExistingUserWhateverItsCase() {
        User user = f.auth.signInVerifiedEmail("Grace@EXAMPLE.com", "Someone Else", Role.ADMIN, Optional.empty());

        assertThat(user).isEqualTo(f.grace);
        assertThat(f.users.findAll()).hasSize(3);
    }

    @Test
    void aVerifiedEmailNobodyHasProvisionsAnActiveUserWithTheDefaultRoleAndNoPassword() {
        User user = f.auth.signInVerifiedEmail("New.Person@Example.com", "  New Person ", Role.MEMBER,
                Optional.empty());

        assertThat(user.email()).isEqualTo("new.person@example.com");
        assertThat(user.name()).isEqualTo("New Person");
        assertThat(user.role()).isEqualTo(Role.MEMBER);
        assertThat(user.active()).isTrue();
        assertThat(f.users.findByEmail("new.person@example.com")).contains(user);
        assertThat(f.credentials.find(user.id())).as("signs in through the provider only").isEmpty();
        assertThat(f.auth.signInVerifiedEmail("new.person@example.com", "Other", Role.MEMBER, Optional.empty()))
                .as("the second sign-in matches the user the first made").isEqualTo(user);
    }

    @Test
    void aProvisionedUserWithoutANameIsCalledByTheEmailsLocalPart() {
        assertThat(f.auth.signInVerifiedEmail("lin@example.com", null, Role.MEMBER, Optional.empty()).name())
                .isEqualTo("lin");
        assertThat(f.auth.signInVerifiedEmail("kim@example.com", "x".repeat(150), Role.MEMBER, Optional.empty())
                .name()).hasSize(100);
    }

    @Test
    void theProvidersRoleWinsForNewAndExistingUsersOnEverySignIn() {
        assertThat(f.auth.signInVerifiedEmail("boss@example.com", "Boss", Role.MEMBER, Optional.of(Role.ADMIN))
                .role()).as("provisioned with the provider's role, not the default").isEqualTo(Role.ADMIN);

        assertThat(f.auth.signInVerifiedEmail("grace@example.com", null, Role.MEMBER, Optional.of(Role.ADMIN))
                .role()).isEqualTo(Role.ADMIN);
        assertThat(f.users.findById("grace").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(f.auth.signInVerifiedEmail("grace@example.com", null, Role.MEMBER, Optional.of(Role.MEMBER))
                .role()).as("out of the admin group at the provider: demoted").isEqualTo(Role.MEMBER);
        assertThat(f.auth.signInVerifiedEmail("ada@example.com", null, Role.MEMBER, Optional.empty()).role())
                .as("without a provider role the stored one stays").isEqualTo(Role.ADMIN);
    }

    @Test
    void aDeactivatedUserIsRefusedAndKeepsTheirRole() {
        f.userService.deactivate(as(f.admin), "grace");

        assertThatThrownBy(() -> f.auth.signInVerifiedEmail("grace@example.com", null, Role.MEMBER,
                Optional.of(Role.ADMIN)))
                .isInstanceOf(AccountDeactivatedException.class).hasMessageContaining("deactivated");
        assertThat(f.users.findById("grace").orElseThrow().role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void refusesSomethingThatIsNotAnEmail() {
        assertThatThrownBy(() -> f.auth.signInVerifiedEmail("not-an-email", null, Role.MEMBER, Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void twoInstancesProvisioningOnePersonAtOnceMakeOneUser() {
        InMemoryUserStore shared = new InMemoryUserStore();
        // the store says "nobody has this email" once, as to two instances reading before either writes
        UserStore racing = new ForwardingUserStore(shared) {
            private boolean raced;

            @Override
            public Optional<User> findByEmail(String email) {
                if (!raced) {
                    raced = true;
                    shared.insert(new User("made-elsewhere", "Lin", email, Role.MEMBER));
                    return Optional.empty();
                }
                return shared.findByEmail(email);
            }
        };
        AuthService auth = new AuthService(racing, new InMemoryCredentialStore(), f.hasher, f.throttle,
                IdGenerator.uuids());

        User user = auth.signInVerifiedEmail("lin@example.com", "Lin", Role.MEMBER, Optional.empty());

        assertThat(user.id()).isEqualTo("made-elsewhere");
        assertThat(shared.findAll()).hasSize(1);
        assertThatThrownBy(() -> shared.insert(new User("again", "Lin", "lin@example.com", Role.MEMBER)))
                .isInstanceOf(AlreadyExistsException.class);
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (AuthenticationFailedException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the sign-in to fail");
    }
}
