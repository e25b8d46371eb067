package dev.reservation.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.QuotaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Quota rules in {@code quotas}, one document per scope. Thread-safe. */
public final class MongoQuotaStore implements QuotaStore {
    private final MongoCollection<Document> quotas;

    public MongoQuotaStore(MongoCollection<Document> quotas) {
        this.quotas = quotas;
    }

    @Override
    public Optional<QuotaRule> find(String scope) {
        return MongoFailures.read("reading the quota of " + scope,
                () -> Optional.ofNullable(quotas.find(Filters.eq(Documents.ID, scope)).first()).map(MongoQuotaStore::of));
    }

    @Override
    public void put(QuotaRule rule) {
        Document d = new Document(Documents.ID, rule.scope());
        rule.minutesPerWeek().ifPresent(m -> d.append("minutesPerWeek", m));
        rule.openAtOnce().ifPresent(n -> d.append("openAtOnce", n));
        MongoFailures.write("saving the quota of " + rule.scope(), () ->
                quotas.replaceOne(Filters.eq(Documents.ID, rule.scope()), d, new ReplaceOptions().upsert(true)));
    }

    @Override
    public void remove(String scope) {
        MongoFailures.write("removing the quota of " + scope, () -> quotas.deleteOne(Filters.eq(Documents.ID, scope)));
    }

    @Override
    public List<QuotaRule> all() {
        return MongoFailures.read("listing quotas", () -> quotas.find().sort(Sorts.ascending(Documents.ID))
                .map(MongoQuotaStore::of).into(new ArrayList<>()));
    }

    private static QuotaRule of(Document d) {
        return new QuotaRule(d.getString(Documents.ID),
                Optional.ofNullable((Number) d.get("minutesPerWeek")).map(Number::longValue),
                Optional.ofNullable((Number) d.get("openAtOnce")).map(Number::intValue));
    }
}
