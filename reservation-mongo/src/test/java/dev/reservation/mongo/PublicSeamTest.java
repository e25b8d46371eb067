package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.mongo.embedded.EmbeddedServerMain;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Others code against these classes: no driver or server type may appear in their public signatures. */
class PublicSeamTest {
    private static final List<Class<?>> SEAM = List.of(StoreOptions.class, MongoStores.class, MongoStoreModule.class,
            EmbeddedServerMain.class);

    @Test
    void thePublicSeamNamesNoDriverOrServerType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : SEAM) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    Stream.concat(Stream.of(m.getReturnType()), Stream.of(m.getParameterTypes()))
                            .filter(PublicSeamTest::foreign).forEach(t -> leaks.add(type.getSimpleName() + "." + m.getName() + ": " + t));
                }
            }
            for (Constructor<?> c : type.getConstructors()) {
                Stream.of(c.getParameterTypes()).filter(PublicSeamTest::foreign)
                        .forEach(t -> leaks.add(type.getSimpleName() + "(): " + t));
            }
            if (type.isRecord()) {
                Stream.of(type.getRecordComponents()).map(RecordComponent::getType).filter(PublicSeamTest::foreign)
                        .forEach(t -> leaks.add(type.getSimpleName() + " component: " + t));
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean foreign(Class<?> type) {
        String name = type.getName();
        return name.startsWith("com.mongodb") || name.startsWith("org.bson") || name.startsWith("de.bwaldvogel")
                || name.startsWith("dev.reservation.mongo.internal");
    }
}
