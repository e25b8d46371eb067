package dev.reservation.web.support;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.DemoData;
import dev.reservation.core.service.SeedService;
import dev.reservation.core.wiring.CoreModule;
import dev.reservation.web.WebApp;
import dev.reservation.web.WebSettings;
import dev.reservation.web.auth.SignInMethods;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The web app on port 0 over given stores and clock, seeded with the demo data and demo passwords.
 * Passwords are hashed with few PBKDF2 iterations here, so that tests do not spend seconds on
 * hashing; the production hasher is the core's default.
 */
public final class TestApp implements AutoCloseable {
    public static final String PASSWORD = DemoData.PASSWORD;
    public static final String ADMIN = "ada@example.com";
    public static final String GRACE = "grace@example.com";
    public static final String ALAN = "alan@example.com";

    private final WebApp app;
    private final Stores stores;
    private final MutableClock clock;
    private final Injector injector;

    private TestApp(WebApp app, Stores stores, MutableClock clock, Injector injector) {
        this.app = app;
        this.stores = stores;
        this.clock = clock;
        this.injector = injector;
    }

    public static TestApp start() {
        return start(WebSettings.DEFAULT);
    }

    public static TestApp start(WebSettings settings) {
        MutableClock clock = MutableClock.atMonday();
        return start(Stores.inMemory(clock), clock, settings);
    }

    public static TestApp start(Stores stores, MutableClock clock, WebSettings settings) {
        return start(stores, clock, settings, SignInMethods.PASSWORDS);
    }

    /** The app with these sign-in methods (an OpenID provider, local passwords on or off). */
    public static TestApp start(WebSettings settings, SignInMethods signIn) {
        MutableClock clock = MutableClock.atMonday();
        return start(Stores.inMemory(clock), clock, settings, signIn);
    }

    public static TestApp start(Stores stores, MutableClock clock, WebSettings settings, SignInMethods signIn) {
        Injector injector = injector(clock, stores.module());
        injector.getInstance(SeedService.class).seedWithDemoPasswords(dev.reservation.core.domain.Actor.LOCAL_OPERATOR,
                injector.getInstance(AuthService.class));
        return new TestApp(new WebApp(injector, settings, signIn).start(0), stores, clock, injector);
    }

    /** The core with a fast password hasher, over the given store module. */
    public static Injector injector(Clock clock, Module storeModule) {
        Module fastHashing = new AbstractModule() {
            @Override
            protected void configure() {
                bind(PasswordHasher.class).toInstance(new PasswordHasher(1_000, new SecureRandom()));
            }
        };
        return Guice.createInjector(Modules.override(new CoreModule(clock, BookingPolicy.DEFAULT)).with(fastHashing),
                storeModule);
    }

    /** A client without credentials: like a browser that has not signed in. */
    public Http http() {
        return new Http(url(""));
    }

    /** An API client sending {@code token} as a Bearer credential (a personal API token or a display token). */
    public Http bearer(String token) {
        return new Http(url("")).withAuthorization("Bearer " + token);
    }

    /** An API client sending HTTP Basic with the demo password as {@code email}. */
    public Http api(String email) {
        return new Http(url("")).withBasic(email, PASSWORD);
    }

    /** A browser-like client signed in through the sign-in page as {@code email}; it also sends HTTP Basic. */
    public Http signedIn(String email) {
        Http http = api(email);
        Http.Response r = http.signIn(email, PASSWORD);
        if (r.status() != 303) {
            throw new IllegalStateException("sign-in as " + email + " answered " + r.status() + ": " + r.body());
        }
        return http;
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public Stores stores() {
        return stores;
    }

    public MutableClock clock() {
        return clock;
    }

    public Injector injector() {
        return injector;
    }

    public WebApp app() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
