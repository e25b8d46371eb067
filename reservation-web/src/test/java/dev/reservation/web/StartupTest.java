package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.UserService;
import dev.reservation.core.wiring.InMemoryStoreModule;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the app does before serving: the first admin from the environment, demo data only on the embedded default. */
class StartupTest {
    static final Map<String, String> ADMIN_ENV = Map.of(Startup.ADMIN_EMAIL, "root@example.com",
            Startup.ADMIN_PASSWORD, "root-password-1", Startup.ADMIN_NAME, "Rita Root");

    final Injector injector = TestApp.injector(MutableClock.atMonday(), new InMemoryStoreModule());
    final AuthService auth = injector.getInstance(AuthService.class);
    final UserService users = injector.getInstance(UserService.class);

    @Test
    void seedsTheDemoDataWithDemoPasswordsOnTheEmbeddedDefault() {
        List<String> lines = Startup.prepare(injector, true, Map.of());

        assertThat(users.list()).hasSize(5);
        assertThat(auth.signIn(TestApp.GRACE, TestApp.PASSWORD.toCharArray(), "test").id()).isEqualTo("u-grace");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("added 5 users and 10 rooms"));
        assertThat(String.join("\n", lines)).doesNotContain(TestApp.PASSWORD);
    }

    @Test
    void loadsNoDemoDataOnAConfiguredMongoAndSaysSoInOneLine() {
        List<String> lines = Startup.prepare(injector, false, Map.of());

        assertThat(users.list()).isEmpty();
        assertThat(lines).singleElement().asString().contains("no demo data and no demo passwords");
    }

    @Test
    void bootstrapsTheFirstAdminFromTheEnvironment() {
        List<String> lines = Startup.prepare(injector, false, ADMIN_ENV);

        User admin = auth.signIn("root@example.com", "root-password-1".toCharArray(), "test");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.name()).isEqualTo("Rita Root");
        assertThat(users.list()).hasSize(1);
        assertThat(String.join("\n", lines)).contains("root@example.com").doesNotContain("root-password-1");
    }

    @Test
    void namesTheAdminAdministratorByDefaultAndNeverReplacesAPassword() {
        Startup.prepare(injector, false, Map.of(Startup.ADMIN_EMAIL, "root@example.com",
                Startup.ADMIN_PASSWORD, "root-password-1"));
        Startup.prepare(injector, false, Map.of(Startup.ADMIN_EMAIL, "root@example.com",
                Startup.ADMIN_PASSWORD, "another-password"));

        assertThat(users.byEmail("root@example.com").name()).isEqualTo("Administrator");
        assertThat(auth.signIn("root@example.com", "root-password-1".toCharArray(), "test")).isNotNull();
        assertThatThrownBy(() -> auth.signIn("root@example.com", "another-password".toCharArray(), "test"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void skipsTheBootstrapWhenOnlyHalfIsConfigured() {
        List<String> lines = Startup.prepare(injector, false, Map.of(Startup.ADMIN_EMAIL, "root@example.com"));

        assertThat(users.list()).isEmpty();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("admin bootstrap skipped"));
    }

    @Test
    void refusesAWeakBootstrapPasswordAtStartUp() {
        assertThatThrownBy(() -> Startup.prepare(injector, false, Map.of(Startup.ADMIN_EMAIL, "root@example.com",
                Startup.ADMIN_PASSWORD, "short"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 8").hasMessageNotContaining("short");
        assertThat(users.list()).as("no admin is left without a password").isEmpty();
    }
}
