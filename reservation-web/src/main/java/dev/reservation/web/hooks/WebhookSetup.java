package dev.reservation.web.hooks;

import dev.reservation.core.hooks.UrlPolicy;
import dev.reservation.core.hooks.WebhookDispatcher;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether this app instance records changes for webhook subscriptions and delivers them, where it
 * may send them ({@link UrlPolicy}), and how its dispatcher paces itself ({@code pollEvery}: how
 * often it looks for due deliveries besides being woken by a new one). Immutable.
 */
public record WebhookSetup(boolean on, UrlPolicy policy, WebhookDispatcher.Settings settings, Duration pollEvery,
                           int threads) {
    public static final WebhookSetup OFF = new WebhookSetup(false, UrlPolicy.STRICT, WebhookDispatcher.Settings.DEFAULT,
            Duration.ofSeconds(5), 4);
    public static final WebhookSetup DEFAULT = new WebhookSetup(true, UrlPolicy.STRICT,
            WebhookDispatcher.Settings.DEFAULT, Duration.ofSeconds(5), 4);

    public WebhookSetup {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pollEvery, "pollEvery");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public WebhookSetup withPolicy(UrlPolicy p) {
        return new WebhookSetup(on, p, settings, pollEvery, threads);
    }

    public String describe() {
        if (!on) {
            return "webhooks are off (--webhooks off)";
        }
        return "webhooks are delivered from this instance"
                + (policy.allowPrivate() ? ", private addresses allowed" : "")
                + (policy.allowHttp() ? ", plain http allowed" : "");
    }
}
