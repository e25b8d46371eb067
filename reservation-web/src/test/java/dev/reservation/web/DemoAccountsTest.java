package dev.reservation.web;

import dev.reservation.web.pages.view.DemoAccounts;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.Stores;
import dev.reservation.web.support.TestApp;
import org.junit.jupiter.api.Test;

/** On the embedded default the sign-in page names the demo accounts; elsewhere it does not. */
class DemoAccountsTest {
    @Test
    void theSignInPageListsTheDemoAccountsOnlyWhenTheyExist() {
        MutableClock clock = MutableClock.atMonday();
        Injector injector = TestApp.injector(clock, Modules.combine(Stores.inMemory(clock).module(),
                binder -> binder.bind(DemoAccounts.class).toInstance(DemoAccounts.seeded())));
        WebApp demo = new WebApp(injector, WebSettings.DEFAULT).start(0);
        try (TestApp plain = TestApp.start()) {
            String page = new Http("http://localhost:" + demo.port()).get("/signin").body();

            assertThat(page).contains("Demo accounts", "ada@example.com", "Ada Lovelace", "admin",
                    "grace@example.com", "member", "demo password stated in the README")
                    .doesNotContain(DemoAccounts.seeded().password());
            assertThat(plain.http().get("/signin").body()).doesNotContain("Demo accounts");
        } finally {
            demo.stop();
        }
    }
}
