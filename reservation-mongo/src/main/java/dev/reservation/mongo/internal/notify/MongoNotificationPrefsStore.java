package dev.reservation.mongo.internal.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.mongo.internal.MongoFailures;
import org.bson.Document;

/** Notification choices in {@code notification_prefs} ({@code {_id: userId, email}}); absent means on. Thread-safe. */
public final class MongoNotificationPrefsStore implements NotificationPrefsStore {
    private final MongoCollection<Document> prefs;

    public MongoNotificationPrefsStore(MongoCollection<Document> prefs) {
        this.prefs = prefs;
    }

    @Override
    public boolean emailEnabled(String userId) {
        Document d = MongoFailures.read("reading the notification choices of user " + userId,
                () -> prefs.find(Filters.eq("_id", userId)).first());
        return d == null || d.getBoolean("email", true);
    }

    @Override
    public void setEmailEnabled(String userId, boolean enabled) {
        MongoFailures.write("saving the notification choices of user " + userId, () -> prefs.updateOne(
                Filters.eq("_id", userId), Updates.set("email", enabled), new UpdateOptions().upsert(true)));
    }
}
