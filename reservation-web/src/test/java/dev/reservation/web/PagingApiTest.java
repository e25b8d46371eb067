package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cursor paging of the API's lists: keyset pages, a Link to the next, stable while others book. */
class PagingApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ROOMS = List.of("r-spree", "r-havel", "r-tiergarten", "r-wannsee", "r-auditorium",
            "r-thames");

    TestApp app;
    Http admin;

    @BeforeEach
    void start() {
        app = TestApp.start();
        admin = app.api(TestApp.ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void pagesThroughUsersRoomsAndLocationsToTheSameListInTheSameOrder() throws Exception {
        for (String list : List.of("/api/v1/users", "/api/v1/rooms", "/api/v1/locations")) {
            List<String> whole = ids(admin.get(list));
            List<String> paged = new ArrayList<>();
            String next = list + "?limit=2";
            int pages = 0;
            while (next != null) {
                Http.Response page = admin.get(next);
                assertThat(page.status()).as(next).isEqualTo(200);
                List<String> got = ids(page);
                assertThat(got.size()).as(next).isLessThanOrEqualTo(2);
                paged.addAll(got);
                next = nextLink(page);
                if (next != null) {
                    assertThat(page.header("Next-Cursor")).isNotBlank();
                    assertThat(next).contains("cursor=" + page.header("Next-Cursor")).contains("limit=2");
                }
                assertThat(++pages).as("paging " + list + " ends").isLessThan(100);
            }
            assertThat(paged).as(list).isEqualTo(whole);
            assertThat(whole.size()).as(list).isGreaterThan(2);
        }
    }

    @Test
    void aCursorMadeUpOrUsedWithOtherFiltersIsA400NamingIt() throws Exception {
        Http.Response first = admin.get("/api/v1/reservations?roomId=r-spree&limit=1");
        // one reservation there, so a full page of 1
        admin.postJson("/api/v1/reservations", booking("r-spree", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"));
        admin.postJson("/api/v1/reservations", booking("r-spree", "2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z"));
        first = admin.get("/api/v1/reservations?roomId=r-spree&limit=1");
        String cursor = first.header("Next-Cursor");
        assertThat(cursor).isNotNull();

        Http.Response other = admin.get("/api/v1/reservations?roomId=r-havel&limit=1&cursor=" + cursor);
        Http.Response madeUp = admin.get("/api/v1/reservations?limit=1&cursor=bm90LWEtY3Vyc29y");
        Http.Response garbage = admin.get("/api/v1/rooms?cursor=%25%25%25");

        for (Http.Response r : List.of(other, madeUp, garbage)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("fields").get("cursor").asText())
                    .contains("not one this list gave out");
        }
        Http.Response second = admin.get("/api/v1/reservations?roomId=r-spree&limit=1&cursor=" + cursor);
        assertThat(second.status()).isEqualTo(200);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
    }

    /**
     * 10,000 reservations, paged 500 at a time while another thread adds up to 3,000 more before and
     * after the page being read: each of the 10,000 comes exactly once, in order, and no page repeats
     * an item of another.
     */
    @Test
    void pagingTenThousandReservationsWhileOthersAreAddedSkipsAndRepeatsNothing() throws Exception {
        ReservationStore store = app.injector().getInstance(ReservationStore.class);
        Instant base = Instant.parse("2026-03-09T00:00:00Z");
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            // even quarter-hours: the writer below takes the odd ones, so nothing overlaps
            Instant start = base.plus(Duration.ofMinutes(30L * (i / ROOMS.size())));
            Reservation r = Reservation.confirmed("seed-" + i, ROOMS.get(i % ROOMS.size()), "u-grace",
                    new TimeSlot(start, start.plus(Duration.ofMinutes(15))), "Seed", 1, base.minusSeconds(3600), null);
            store.book(r);
            before.add(r.id());
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger added = new AtomicInteger();
        Thread writer = new Thread(() -> {
            int i = 0;
            while (!stop.get() && i < 3_000) {
                // spread over the whole range, so some land before the cursor and some after
                int slot = (int) ((i * 7919L) % (10_000 / ROOMS.size()));
                Instant start = base.plus(Duration.ofMinutes(30L * slot + 15));
                store.book(Reservation.confirmed("late-" + i, ROOMS.get(i % ROOMS.size()), "u-alan",
                        new TimeSlot(start, start.plus(Duration.ofMinutes(15))), "Late", 1, base, null));
                added.incrementAndGet();
                i++;
            }
        });
        writer.start();
        List<String> seen = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        try {
            String next = "/api/v1/reservations?from=2026-03-09T00:00:00Z&limit=500";
            while (next != null) {
                Http.Response page = admin.get(next);
                assertThat(page.status()).isEqualTo(200);
                for (JsonNode r : JSON.readTree(page.body())) {
                    seen.add(r.get("id").asText());
                    starts.add(Instant.parse(r.get("start").asText()));
                }
                next = nextLink(page);
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(added.get()).as("the writer added reservations while the pages were read").isGreaterThan(0);
        assertThat(new HashSet<>(seen)).as("no reservation twice").hasSize(seen.size());
        assertThat(seen).as("every reservation there from the start, once").containsAll(before);
        assertThat(starts).as("in start order across pages").isSorted();
    }

    static String booking(String room, String start, String end) {
        return "{\"roomId\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"title\":\"Paging\",\"attendees\":1}";
    }

    static List<String> ids(Http.Response r) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : JSON.readTree(r.body())) {
            ids.add(item.get("id").asText());
        }
        return ids;
    }

    /** The path of the Link rel="next", or null. */
    static String nextLink(Http.Response r) {
        String link = r.header("Link");
        if (link == null) {
            return null;
        }
        assertThat(link).matches("<[^>]+>; rel=\"next\"");
        return link.substring(1, link.indexOf('>'));
    }
}
