package dev.reservation.web.support;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/** Lets a test put a made-up exchange through {@link ApiContract}, to show what it catches. */
public final class ApiContractProbe {
    private ApiContractProbe() {
    }

    public static void check(String method, String path, String requestBody, int status,
                             Map<String, List<String>> responseHeaders, String responseBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:1" + path))
                .header("Authorization", Http.basic(TestApp.GRACE, TestApp.PASSWORD));
        if (requestBody != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(requestBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        ApiContract.check(b.build(), requestBody, status, HttpHeaders.of(responseHeaders, (k, v) -> true), responseBody);
    }
}
