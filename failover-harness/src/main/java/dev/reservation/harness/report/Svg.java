package dev.reservation.harness.report;

import java.util.Locale;

/** A tiny builder of inline SVG: shapes and text, escaped. NOT thread-safe: one per drawing. */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String label) {
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"11\">",
                width, height, width, height, escape(label)));
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, String extra) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" %s/>",
                x1, y1, x2, y2, stroke, extra));
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String title) {
        out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", cx, cy, r, fill));
        if (title != null) {
            out.append("<title>").append(escape(title)).append("</title>");
        }
        out.append("</circle>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String extra) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" %s/>",
                x, y, w, h, fill, extra));
        return this;
    }

    Svg text(double x, double y, String anchor, String content) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor))
                .append(escape(content)).append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
