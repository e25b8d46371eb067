package dev.reservation.mongo.internal.notify;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.hooks.WebhookStore;
import dev.reservation.core.hooks.WebhookSubscription;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.mongo.internal.MongoFailures;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Webhook subscriptions in {@code webhooks} (see {@link NotifySchema}), one document per
 * subscription with every field of {@link WebhookSubscription}: events as {@link ChangeKind} names,
 * room ids as an array (both sorted, so a document reads the same whoever wrote it). An insert is
 * an {@code insertOne} on the subscription id: an id that exists is refused (duplicate key →
 * {@link AlreadyExistsException}), never overwritten. {@link #replace} is one {@code replaceOne} whose filter is the id and the expected
 * {@code version}, so of two instances replacing the same version only one matches. Thread-safe.
 */
public final class MongoWebhookStore implements WebhookStore {
    private final MongoCollection<Document> webhooks;

    public MongoWebhookStore(MongoCollection<Document> webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void insert(WebhookSubscription s) {
        Document doc = document(s);
        boolean inserted = MongoFailures.write("storing webhook subscription " + s.id(), () -> {
            try {
                webhooks.insertOne(doc);
                return true;
            } catch (MongoException e) {
                if (MongoFailures.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
        if (!inserted) { // a new subscription's id is new: never overwrite the one that has it
            throw new AlreadyExistsException("id", "a webhook subscription with id " + s.id() + " already exists");
        }
    }

    @Override
    public Optional<WebhookSubscription> find(String id) {
        return MongoFailures.read("reading webhook subscription " + id, () -> Optional.ofNullable(
                webhooks.find(Filters.eq("_id", id)).first()).map(MongoWebhookStore::subscription));
    }

    @Override
    public List<WebhookSubscription> all() {
        return MongoFailures.read("listing webhook subscriptions", () -> webhooks.find()
                .sort(Sorts.ascending("createdAt", "_id")).map(MongoWebhookStore::subscription)
                .into(new ArrayList<>()));
    }

    @Override
    public boolean replace(long expectedVersion, WebhookSubscription next) {
        Document doc = document(next);
        return MongoFailures.write("updating webhook subscription " + next.id(), () -> webhooks.replaceOne(
                Filters.and(Filters.eq("_id", next.id()), Filters.eq("version", expectedVersion)), doc)
                .getMatchedCount() == 1);
    }

    @Override
    public boolean delete(String id) {
        return MongoFailures.write("removing webhook subscription " + id,
                () -> webhooks.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1);
    }

    static Document document(WebhookSubscription s) {
        List<String> events = new ArrayList<>();
        for (ChangeKind k : EnumSet.copyOf(s.events())) {
            events.add(k.name());
        }
        return new Document("_id", s.id()).append("ownerId", s.ownerId()).append("url", s.url())
                .append("events", events).append("roomIds", new ArrayList<>(new TreeSet<>(s.roomIds())))
                .append("scope", s.scope().name()).append("secret", s.secret())
                .append("createdAt", Dates.date(s.createdAt())).append("enabled", s.enabled())
                .append("disabledReason", s.disabledReason()).append("failingSince", Dates.date(s.failingSince()))
                .append("version", s.version());
    }

    static WebhookSubscription subscription(Document d) {
        Set<ChangeKind> events = EnumSet.noneOf(ChangeKind.class);
        for (String k : d.getList("events", String.class, List.of())) {
            events.add(ChangeKind.valueOf(k));
        }
        return new WebhookSubscription(d.getString("_id"), d.getString("ownerId"), d.getString("url"), events,
                Set.copyOf(d.getList("roomIds", String.class, List.of())),
                WebhookSubscription.Scope.valueOf(d.getString("scope")), d.getString("secret"),
                Dates.instant(d, "createdAt"), d.getBoolean("enabled", true), d.getString("disabledReason"),
                Dates.instant(d, "failingSince"), ((Number) d.get("version")).longValue());
    }
}
