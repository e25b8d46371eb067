package dev.reservation.web.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads received messages part by part. */
final class Mails {
    private Mails() {
    }

    record Leaf(String contentType, String disposition, String fileName, String text) {
    }

    static List<Leaf> leaves(MimeMessage m) throws Exception {
        List<Leaf> out = new ArrayList<>();
        collect(m, out);
        return out;
    }

    private static void collect(Part p, List<Leaf> out) throws Exception {
        Object content = p.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, out);
            }
            return;
        }
        String text;
        if (content instanceof String s) {
            text = s;
        } else if (content instanceof InputStream in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            text = bytes.toString(StandardCharsets.UTF_8);
        } else {
            text = String.valueOf(content);
        }
        out.add(new Leaf(p.getContentType().toLowerCase(java.util.Locale.ROOT), p.getDisposition(), p.getFileName(), text));
    }

    static Leaf only(List<Leaf> leaves, String typePrefix) {
        List<Leaf> found = leaves.stream().filter(l -> l.contentType().startsWith(typePrefix)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + typePrefix + " part, got " + leaves);
        }
        return found.get(0);
    }
}
