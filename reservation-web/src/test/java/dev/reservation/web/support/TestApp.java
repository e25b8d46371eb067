package dev.reservation.web.support;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.SeedService;
import dev.reservation.core.wiring.CoreModule;
import dev.reservation.web.WebApp;
import dev.reservation.web.WebSettings;

/** The web app on port 0 over given stores and clock, seeded with the demo data. */
public final class TestApp implements AutoCloseable {
    private final WebApp app;
    private final Stores stores;
    private final MutableClock clock;

    private TestApp(WebApp app, Stores stores, MutableClock clock) {
        this.app = app;
        this.stores = stores;
        this.clock = clock;
    }

    public static TestApp start() {
        MutableClock clock = MutableClock.atMonday();
        return start(Stores.inMemory(clock), clock, WebSettings.DEFAULT);
    }

    public static TestApp start(Stores stores, MutableClock clock, WebSettings settings) {
        Injector injector = Guice.createInjector(new CoreModule(clock, BookingPolicy.DEFAULT), stores.module());
        injector.getInstance(SeedService.class).seed();
        return new TestApp(new WebApp(injector, settings).start(0), stores, clock);
    }

    public Http http() {
        return new Http(url(""));
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

    public WebApp app() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
