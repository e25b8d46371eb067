package dev.reservation.web;

import com.google.inject.Injector;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.SeedService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens once before the app serves: the first ADMIN from the environment
 * ({@value #ADMIN_EMAIL}, {@value #ADMIN_PASSWORD}, optionally {@value #ADMIN_NAME}), and the demo
 * data with its well-known password ONLY on the embedded default (in-memory or the embedded
 * server), never on a configured MongoDB. Logs what it did, one line each (never a password), and
 * returns those lines. Stateless; thread-safe.
 */
final class Startup {
    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    static final String ADMIN_EMAIL = "RESERVATION_ADMIN_EMAIL";
    static final String ADMIN_PASSWORD = "RESERVATION_ADMIN_PASSWORD";
    static final String ADMIN_NAME = "RESERVATION_ADMIN_NAME";
    static final String DEFAULT_ADMIN_NAME = "Administrator";

    private Startup() {
    }

    static List<String> prepare(Injector injector, boolean embeddedDefault, Map<String, String> env) {
        List<String> done = new ArrayList<>();
        bootstrapAdmin(injector.getInstance(AuthService.class), env, done);
        if (embeddedDefault) {
            SeedService.SeedResult seeded = injector.getInstance(SeedService.class)
                    .seedWithDemoPasswords(Actor.LOCAL_OPERATOR, injector.getInstance(AuthService.class));
            done.add("demo data: added " + seeded.usersAdded() + " users and " + seeded.roomsAdded() + " rooms; demo"
                    + " users sign in with the demo password stated in the README (embedded default only)");
        } else {
            done.add("configured MongoDB: no demo data and no demo passwords are loaded; the first admin comes from "
                    + ADMIN_EMAIL + " and " + ADMIN_PASSWORD);
        }
        done.forEach(LOG::info);
        return done;
    }

    private static void bootstrapAdmin(AuthService auth, Map<String, String> env, List<String> done) {
        String email = blankToNull(env.get(ADMIN_EMAIL));
        String password = env.get(ADMIN_PASSWORD);
        if (email == null && (password == null || password.isEmpty())) {
            return;
        }
        if (email == null || password == null || password.isEmpty()) {
            done.add("admin bootstrap skipped: set both " + ADMIN_EMAIL + " and " + ADMIN_PASSWORD);
            return;
        }
        String name = blankToNull(env.get(ADMIN_NAME));
        char[] secret = password.toCharArray();
        try {
            PasswordHasher.checkPolicy(secret); // before the core creates the user: no admin without a password
            User admin = auth.bootstrapAdmin(email, name == null ? DEFAULT_ADMIN_NAME : name, secret);
            done.add("admin bootstrap: " + admin.email() + " is an active ADMIN and can sign in (an existing password"
                    + " is never replaced)");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
