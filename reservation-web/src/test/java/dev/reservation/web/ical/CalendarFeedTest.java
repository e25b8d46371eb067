package dev.reservation.web.ical;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Role;
import dev.reservation.core.notify.FeedToken;
import dev.reservation.core.notify.FeedTokens;
import dev.reservation.core.service.UserService;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.IcalJs;
import dev.reservation.web.support.TestApp;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The feeds as a calendar client reads them: no session, a feed token in the URL, every body parsed
 * back by iCal4j and by ical.js (Node.js), stable UIDs, SEQUENCE and STATUS:CANCELLED, the room's
 * VTIMEZONE, masking for members, 304 for an unchanged feed, and rotation that stops the old URL.
 */
class CalendarFeedTest {
    static final String TEN = "2026-03-02T10:00:00Z";
    static final String ELEVEN = "2026-03-02T11:00:00Z";
    static final String NOON = "2026-03-02T12:00:00Z";

    private final TestApp app = TestApp.start();
    private final FeedTokens tokens = app.injector().getInstance(FeedTokens.class);

    @AfterEach
    void stop() {
        app.close();
    }

    private String token(String userId, String feed) {
        return tokens.issue(new Actor(userId, Role.MEMBER), userId, feed).token();
    }

    private String book(String email, String roomId, String userId, String start, String end, String title) {
        Http.Response r = app.api(email).postJson("/api/v1/reservations", booking(roomId, userId, start, end, title, 2));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asText();
    }

    static Calendar parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        return calendar;
    }

    static String prop(VEvent e, String name) {
        return e.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void aUsersFeedIsReadWithoutASessionAndCarriesStableUidsSequenceAndTheRoomsZone() throws Exception {
        String id = book(TestApp.GRACE, "r-spree", "u-grace", TEN, ELEVEN, "Standup");
        String url = "/ical/users/" + token("u-grace", FeedToken.USER_FEED) + ".ics";
        Http.Response feed = app.http().get(url);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        assertThat(feed.body()).doesNotContain("METHOD:").contains("X-WR-CALNAME:");

        Calendar calendar = parse(feed.body());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent e = events.get(0);
        assertThat(prop(e, "UID")).isEqualTo(IcsEvent.uidOf(id, IcsEvent.UID_DOMAIN));
        assertThat(prop(e, "SEQUENCE")).isEqualTo("0");
        assertThat(prop(e, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(prop(e, "SUMMARY")).isEqualTo("Standup");
        assertThat(prop(e, "LOCATION")).contains("Spree").contains("Berlin HQ");
        assertThat(prop(e, "ORGANIZER")).isEqualTo("mailto:grace@example.com");
        DtStart<?> start = e.<DtStart<?>>getProperty("DTSTART").orElseThrow();
        assertThat(start.getParameter("TZID").map(Object::toString)).hasValueSatisfying(
                tz -> assertThat(tz).contains("Europe/Berlin"));
        assertThat(((ZonedDateTime) start.getDate()).toInstant()).isEqualTo(Instant.parse(TEN));
        assertThat(feed.body()).contains("DTSTART;TZID=Europe/Berlin:20260302T110000");
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones).extracting(z -> z.getTimeZoneId().getValue()).containsExactly("Europe/Berlin");

        JsonNode js = IcalJs.parse(feed.body());
        assertThat(js.get("zones").get(0).asText()).isEqualTo("Europe/Berlin");
        JsonNode jsEvent = js.get("events").get(0);
        assertThat(jsEvent.get("uid").asText()).isEqualTo(IcsEvent.uidOf(id, IcsEvent.UID_DOMAIN));
        assertThat(jsEvent.get("startTzid").asText()).isEqualTo("Europe/Berlin");
        assertThat(jsEvent.get("startUtc").asText()).isEqualTo("2026-03-02T10:00:00.000Z");
        assertThat(jsEvent.get("endUtc").asText()).isEqualTo("2026-03-02T11:00:00.000Z");
        assertThat(jsEvent.get("floating").asBoolean()).isFalse();

        assertThat(app.api(TestApp.GRACE).post("/api/v1/reservations/" + id + "/cancel", "application/json", "")
                .status()).isEqualTo(200);
        Http.Response cancelled = app.http().get(url);
        VEvent gone = parse(cancelled.body()).<VEvent>getComponents("VEVENT").get(0);
        assertThat(prop(gone, "UID")).isEqualTo(IcsEvent.uidOf(id, IcsEvent.UID_DOMAIN));
        assertThat(prop(gone, "SEQUENCE")).isEqualTo("1");
        assertThat(prop(gone, "STATUS")).isEqualTo("CANCELLED");
        JsonNode jsGone = IcalJs.parse(cancelled.body()).get("events").get(0);
        assertThat(jsGone.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(jsGone.get("sequence").asInt()).isEqualTo(1);
    }

    @Test
    void anEmptyFeedIsStillAValidCalendar() throws Exception {
        String body = app.http().get("/ical/users/" + token("u-grace", FeedToken.USER_FEED) + ".ics").body();
        Calendar calendar = parse(body);
        assertThat(calendar.getComponents("VEVENT")).isEmpty();
        assertThat(IcalJs.parse(body).get("events")).isEmpty();
        String room = app.http().get("/ical/rooms/r-thames.ics?token=" + token("u-grace", FeedToken.roomFeed("r-thames")))
                .body();
        assertThat(parse(room).<VTimeZone>getComponents("VTIMEZONE"))
                .extracting(z -> z.getTimeZoneId().getValue()).containsExactly("Europe/London");
    }

    @Test
    void aMembersRoomFeedShowsOthersBookingsOnlyAsBusyAndAnAdminsInFull() throws Exception {
        book(TestApp.ALAN, "r-spree", "u-alan", TEN, ELEVEN, "Secret interview");
        book(TestApp.GRACE, "r-spree", "u-grace", ELEVEN, NOON, "Standup");
        String body = app.http().get("/ical/rooms/r-spree.ics?token=" + token("u-grace", FeedToken.roomFeed("r-spree")))
                .body();
        assertThat(body).doesNotContain("Secret interview").doesNotContain("alan@example.com");
        List<VEvent> events = parse(body).getComponents("VEVENT");
        assertThat(events).extracting(e -> prop(e, "SUMMARY")).containsExactlyInAnyOrder("Busy", "Standup");
        assertThat(events).filteredOn(e -> "Busy".equals(prop(e, "SUMMARY")))
                .allSatisfy(e -> assertThat(prop(e, "ORGANIZER")).isNull());
        JsonNode js = IcalJs.parse(body);
        assertThat(js.get("events")).hasSize(2);

        String adminBody = app.http().get("/ical/rooms/r-spree.ics?token=" + token("u-ada",
                FeedToken.roomFeed("r-spree"))).body();
        assertThat(adminBody).contains("Secret interview").contains("mailto:alan@example.com");
    }

    @Test
    void anUnchangedFeedIsNotModifiedAndAChangedOneIsSentAgain() {
        book(TestApp.GRACE, "r-spree", "u-grace", TEN, ELEVEN, "Standup");
        String url = "/ical/rooms/r-spree.ics?token=" + token("u-grace", FeedToken.roomFeed("r-spree"));
        Http.Response first = app.http().get(url);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        Http.Response again = app.http().get(url, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        app.clock().set(app.clock().instant().plusSeconds(90)); // DTSTAMP moves; the feed's content does not
        assertThat(app.http().get(url, "If-None-Match", etag).status()).isEqualTo(304);

        book(TestApp.ALAN, "r-spree", "u-alan", ELEVEN, NOON, "Other");
        Http.Response changed = app.http().get(url, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void aRotatedRevokedForeignOrDeactivatedTokenOpensNothing() {
        String old = token("u-grace", FeedToken.USER_FEED);
        String fresh = token("u-grace", FeedToken.USER_FEED);
        assertThat(app.http().get("/ical/users/" + old + ".ics").status()).isEqualTo(404);
        assertThat(app.http().get("/ical/users/" + fresh + ".ics").status()).isEqualTo(200);

        String room = token("u-grace", FeedToken.roomFeed("r-spree"));
        assertThat(app.http().get("/ical/users/" + room + ".ics").status()).isEqualTo(404);
        assertThat(app.http().get("/ical/rooms/r-havel.ics?token=" + room).status()).isEqualTo(404);
        assertThat(app.http().get("/ical/rooms/r-spree.ics").status()).isEqualTo(404);
        assertThat(app.http().get("/ical/rooms/r-spree.ics?token=" + room).status()).isEqualTo(200);
        assertThat(app.http().get("/ical/users/not-a-token.ics").status()).isEqualTo(404);

        tokens.revoke(new Actor("u-grace", Role.MEMBER), "u-grace", FeedToken.roomFeed("r-spree"));
        assertThat(app.http().get("/ical/rooms/r-spree.ics?token=" + room).status()).isEqualTo(404);

        app.injector().getInstance(UserService.class).deactivate(new Actor("u-ada", Role.ADMIN), "u-grace");
        assertThat(app.http().get("/ical/users/" + fresh + ".ics").status()).isEqualTo(404);
    }

    @Test
    void theCalendarPageIssuesAFeedUrlOnceRotatesItAndSavesTheEmailChoice() {
        Http grace = app.signedIn(TestApp.GRACE);
        assertThat(grace.get("/account").body()).contains("/account/calendar");
        assertThat(grace.get("/rooms/r-spree").body()).contains("/account/calendar?room=r-spree");
        Http.Response page = grace.get("/account/calendar?room=r-spree");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("e-mail notifications are off on this server");

        Http.Response issued = grace.postForm("/account/calendar/feeds", Map.of("feed", "room:r-spree", "action", "issue"));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        Matcher url = Pattern.compile("value=\"(http://[^\"]+/ical/rooms/r-spree\\.ics\\?token=[A-Za-z0-9_-]{43})\"")
                .matcher(issued.body());
        assertThat(url.find()).as(issued.body()).isTrue();
        String feedUrl = url.group(1);
        String path = feedUrl.substring(feedUrl.indexOf("/ical/"));
        assertThat(app.http().get(path).status()).isEqualTo(200);
        assertThat(grace.get("/account/calendar").body()).contains("Room Spree").doesNotContain(path);

        grace.postForm("/account/calendar/feeds", Map.of("feed", "room:r-spree", "action", "issue"));
        assertThat(app.http().get(path).status()).isEqualTo(404);

        assertThat(grace.postForm("/account/calendar/notifications", Map.of()).status()).isEqualTo(303);
        assertThat(app.injector().getInstance(dev.reservation.core.notify.NotificationPrefsStore.class)
                .emailEnabled("u-grace")).isFalse();
        grace.postForm("/account/calendar/notifications", Map.of("email", "on"));
        assertThat(app.injector().getInstance(dev.reservation.core.notify.NotificationPrefsStore.class)
                .emailEnabled("u-grace")).isTrue();
    }

    @Test
    void theAccountPageTurnsEmailOffAndOnAndComesBackToItself() {
        Http grace = app.signedIn(TestApp.GRACE);
        var prefs = app.injector().getInstance(dev.reservation.core.notify.NotificationPrefsStore.class);
        String page = grace.get("/account").body();
        assertThat(page).contains("id=\"account-notifications-form\"", "e-mail notifications are off on this server");
        assertThat(page).containsPattern("id=\"account-email-on\" checked");

        Http.Response off = grace.postForm("/account/calendar/notifications", Map.of("back", "account"));
        assertThat(off.status()).isEqualTo(303);
        assertThat(off.header("Location")).isEqualTo("/account?saved=1");
        assertThat(prefs.emailEnabled("u-grace")).isFalse();
        String after = grace.get("/account?saved=1").body();
        assertThat(after).contains("E-mail notification choice saved.").doesNotContainPattern("id=\"account-email-on\" checked");

        grace.postForm("/account/calendar/notifications", Map.of("back", "account", "email", "on"));
        assertThat(prefs.emailEnabled("u-grace")).isTrue();
        assertThat(prefs.emailEnabled("u-alan")).as("only her own choice").isTrue();
    }
}
