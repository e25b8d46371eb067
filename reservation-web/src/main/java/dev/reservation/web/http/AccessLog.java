package dev.reservation.web.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@value #LOGGER} logger: method, path, status, milliseconds. The
 * query string is left out (it may carry emails). Thread-safe.
 */
public final class AccessLog {
    public static final String LOGGER = "dev.reservation.web.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    public static void log(Context ctx, Float millis) {
        LOG.info("{} {} {} {}ms", ctx.method().name(), ctx.path(), ctx.statusCode(),
                String.format(Locale.ROOT, "%.1f", millis == null ? 0f : millis));
    }
}
