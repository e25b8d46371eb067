package dev.reservation.web.support;

import dev.reservation.web.http.Csrf;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small HTTP client for tests, like one browser: it keeps cookies, never follows redirects (tests
 * assert them), posts forms with the CSRF token a page would carry, and optionally sends HTTP
 * Basic credentials with every request. Thread-safe.
 */
public final class Http {
    /** A response with its body as text. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private volatile String authorization;

    public Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends this {@code Authorization} header (a Bearer token, say) with every later request; returns this. */
    public Http withAuthorization(String value) {
        this.authorization = value;
        return this;
    }

    /** Sends {@code Authorization: Basic ...} with every later request; returns this. */
    public Http withBasic(String email, String password) {
        this.authorization = basic(email, password);
        return this;
    }

    public static String basic(String email, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the sign-in page, then posts it; returns the post's answer (303 on success). */
    public Response signIn(String email, String password, String... headers) {
        get("/signin", headers);
        Map<String, String> all = new LinkedHashMap<>(Map.of("email", email, "password", password));
        all.put(Csrf.FIELD, csrfToken());
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return post("/signin", "application/x-www-form-urlencoded", body, headers);
    }

    public Response get(String path, String... headers) {
        return send(builder(path, headers).GET().build());
    }

    /**
     * GETs an absolute URL on any site (an OpenID provider's page, say) with this client's cookie
     * jar, as a browser following a redirect would; never sends the Basic credentials there.
     */
    public Response getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public Response postJson(String path, String json, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), json);
    }

    public Response put(String path, String json, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), json);
    }

    public Response patch(String path, String json, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build(), json);
    }

    public Response delete(String path, String... headers) {
        return send(builder(path, headers).DELETE().build());
    }

    public Response post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = builder(path, headers).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build(), body);
    }

    /** Posts a form with this client's CSRF token, getting one from the home page first if needed. */
    public Response postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent(Csrf.FIELD, csrfToken());
        return postFormRaw(path, all);
    }

    /** Posts exactly these fields: no CSRF token is added. */
    public Response postFormRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body);
    }

    public String csrfToken() {
        String token = cookie(Csrf.COOKIE);
        if (token == null) {
            get("/signin");
            token = cookie(Csrf.COOKIE);
        }
        return token;
    }

    /** Sets a cookie for this app as if the server had sent it. */
    public void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), c);
    }

    public java.util.List<String> cookieNames() {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null && !hasHeader("Authorization", headers)) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static boolean hasHeader(String name, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private Response send(HttpRequest request) {
        return send(request, null);
    }

    /** Sends; an exchange under /api/v1 is checked against the OpenAPI document ({@link ApiContract}). */
    private Response send(HttpRequest request, String body) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ApiContract.check(request, body, r.statusCode(), r.headers(), r.body());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
