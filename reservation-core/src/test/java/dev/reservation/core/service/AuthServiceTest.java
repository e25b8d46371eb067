package dev.reservation.core.service;

import static dev.reservation.core.service.ServiceFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.TooManySignInAttemptsException;
import dev.reservation.core.domain.User;
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

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (AuthenticationFailedException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the sign-in to fail");
    }
}
