package dev.reservation.web.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads forms out of rendered pages the way a browser would submit them (hidden inputs only). */
public final class HtmlForms {
    /** A form's action and its hidden fields. */
    public record Form(String action, Map<String, String> fields) {
    }

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private HtmlForms() {
    }

    public static List<Form> forms(String html, String action) {
        List<Form> found = new ArrayList<>();
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            if (!m.group(1).equals(action)) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher h = HIDDEN.matcher(m.group(2));
            while (h.find()) {
                fields.put(h.group(1), unescape(h.group(2)));
            }
            found.add(new Form(m.group(1), fields));
        }
        return found;
    }

    static String unescape(String s) {
        return s.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }
}
