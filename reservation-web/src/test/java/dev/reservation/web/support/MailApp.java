package dev.reservation.web.support;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.SeedService;
import dev.reservation.core.wiring.CoreModule;
import dev.reservation.web.WebApp;
import dev.reservation.web.WebSettings;
import dev.reservation.web.notify.NotificationJobs;
import dev.reservation.web.notify.NotificationSetup;
import java.security.SecureRandom;
import java.util.Optional;

/** The web app with e-mail notifications on (as WebMain wires them), over the given store module. */
public final class MailApp implements AutoCloseable {
    private final WebApp app;
    private final Injector injector;
    private final Optional<NotificationJobs> jobs;

    public MailApp(Module storeModule, java.time.Clock clock, NotificationSetup notifications) {
        Module fastHashing = new AbstractModule() {
            @Override
            protected void configure() {
                bind(PasswordHasher.class).toInstance(new PasswordHasher(1_000, new SecureRandom()));
            }
        };
        injector = Guice.createInjector(Modules.override(new CoreModule(clock, BookingPolicy.DEFAULT)).with(fastHashing),
                storeModule, notifications.module());
        injector.getInstance(SeedService.class).seedWithDemoPasswords(Actor.LOCAL_OPERATOR,
                injector.getInstance(AuthService.class));
        app = new WebApp(injector, WebSettings.DEFAULT).start(0);
        jobs = notifications.start(injector);
    }

    public Http api(String email) {
        return new Http("http://localhost:" + app.port()).withBasic(email, TestApp.PASSWORD);
    }

    public Injector injector() {
        return injector;
    }

    @Override
    public void close() {
        jobs.ifPresent(NotificationJobs::close);
        app.stop();
    }
}
