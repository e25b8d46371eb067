package dev.reservation.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.store.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;

/**
 * Users in the {@code users} collection; the unique index {@code email_unique} holds the
 * one-email-one-user rule across processes. Reads go to the primary with majority read concern.
 * Thread-safe (the driver's collection is).
 */
public final class MongoUserStore implements UserStore {
    private final MongoCollection<Document> users;

    public MongoUserStore(MongoCollection<Document> users) {
        this.users = users;
    }

    @Override
    public User insert(User user) {
        return MongoFailures.write("adding user " + user.email(), () -> {
            try {
                users.insertOne(Documents.user(user));
                return user;
            } catch (MongoException e) {
                if (!MongoFailures.isDuplicateKey(e)) {
                    throw e;
                }
                if (MongoFailures.duplicateKeyIndex(e).startsWith("email")) {
                    throw new AlreadyExistsException("email", "a user with email " + user.email() + " already exists");
                }
                throw new AlreadyExistsException("id", "a user with id " + user.id() + " already exists");
            }
        });
    }

    @Override
    public User update(User user) {
        return MongoFailures.write("updating user " + user.id(), () -> {
            try {
                if (users.replaceOne(Filters.eq(Documents.ID, user.id()), Documents.user(user)).getMatchedCount() == 0) {
                    throw new UserNotFoundException(user.id());
                }
                return user;
            } catch (MongoException e) {
                if (MongoFailures.isDuplicateKey(e)) {
                    throw new AlreadyExistsException("email", "a user with email " + user.email() + " already exists");
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<User> findById(String id) {
        return MongoFailures.read("looking up user " + id,
                () -> Optional.ofNullable(users.find(Filters.eq(Documents.ID, id)).first()).map(Documents::user));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        return MongoFailures.read("looking up user " + key,
                () -> Optional.ofNullable(users.find(Filters.eq("email", key)).first()).map(Documents::user));
    }

    @Override
    public List<User> findAll() {
        return MongoFailures.read("listing users", () -> users.find().sort(Sorts.ascending("name", Documents.ID))
                .map(Documents::user).into(new ArrayList<>()));
    }
}
