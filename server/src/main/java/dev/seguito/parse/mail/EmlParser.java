package dev.seguito.parse.mail;

import dev.seguito.parse.AutomatedSenders;
import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.Dates;
import dev.seguito.parse.EmailAddress;
import dev.seguito.parse.HtmlToText;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.QuoteStripper;
import dev.seguito.parse.Texts;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads one raw RFC 822 message with Jakarta Mail. Mail from the wild is often broken (bad encodings, odd dates,
 * truncated multiparts), so every step degrades to a warning rather than an exception.
 */
public final class EmlParser {
    private static final Session SESSION;
    private static final int MAX_PARTS = 200;

    static {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        SESSION = Session.getInstance(p);
    }

    private EmlParser() {
    }

    public static ParsedCapture parse(String eml) throws CaptureRejectedException {
        if (Texts.isBlank(eml)) throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE, "The message is empty.");
        List<String> warnings = new ArrayList<>();
        MimeMessage msg;
        try {
            String text = Texts.capInput(eml);
            // an .eml pasted or uploaded may start with blank lines or an mbox "From " line
            text = text.replaceFirst("^\\s+", "").replaceFirst("^From [^\\n]*\\n", "");
            msg = new MimeMessage(SESSION, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException | RuntimeException e) {
            throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE, "Not a readable email message.");
        }
        Map<String, String> headers = headers(msg, warnings);
        if (!headers.containsKey("from") && !headers.containsKey("to") && !headers.containsKey("subject")
                && !headers.containsKey("date") && !headers.containsKey("message-id")) {
            throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE,
                    "No email headers found (From, To, Subject, Date): this does not look like an .eml file.");
        }
        RawMessage m = new RawMessage();
        m.from = first(addresses(msg, "From", warnings));
        if (m.from == null) m.from = first(addresses(msg, "Sender", warnings));
        m.to.addAll(addresses(msg, "To", warnings));
        m.cc.addAll(addresses(msg, "Cc", warnings));
        m.subject = subject(msg, headers, warnings);
        m.sentAt = date(msg, headers, warnings);
        m.messageId = headers.get("message-id");
        m.bulk = AutomatedSenders.isBulkMessage(headers);

        Bodies bodies = bodies(msg, warnings);
        m.newText = newText(bodies);
        if (m.newText == null && bodies.plain == null && bodies.html == null) warnings.add("no text body found");
        m.newText = Texts.cap(m.newText, Texts.MAX_BODY);

        String contentType = headers.getOrDefault("content-type", "");
        m.bounce = Bounces.looksLikeBounce(m.from, m.subject, contentType);
        if (bodies.deliveryStatus != null) {
            m.bounce = true;
            m.bounced.addAll(Bounces.fromDeliveryStatus(bodies.deliveryStatus));
        }
        if (m.bounce && m.bounced.isEmpty()) {
            String failed = headers.get("x-failed-recipients");
            if (failed != null) for (EmailAddress a : Addresses.parseList(failed)) m.bounced.add(a.address());
        }
        if (m.bounce && m.bounced.isEmpty()) {
            List<EmailAddress> exclude = new ArrayList<>(m.to);
            exclude.add(m.from);
            m.bounced.addAll(Bounces.fromText(Texts.firstNonBlank(bodies.plain,
                    bodies.html == null ? null : HtmlToText.convert(bodies.html)), exclude));
        }
        return ThreadAssembler.assemble(CaptureSource.EML, List.of(m), m.subject, warnings);
    }

    /**
     * The new text of a message (quotes removed, signature still present). Exposed for the accuracy harness, which
     * measures quote removal on its own against third-party ground truth.
     */
    public static String newText(String eml) {
        try {
            MimeMessage msg = new MimeMessage(SESSION, new ByteArrayInputStream(Texts.capInput(eml).getBytes(StandardCharsets.UTF_8)));
            return newText(bodies(msg, new ArrayList<>()));
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern HTML_IN_PLAIN = java.util.regex.Pattern.compile(
            "(?is)^\\s*(<!doctype html|<html|<body|<div|<p>|<table|<span)");

    private static String newText(Bodies bodies) {
        // some senders label HTML as text/plain; showing tags as text would be worse than converting
        if (bodies.plain != null && HTML_IN_PLAIN.matcher(bodies.plain).find()) return QuoteStripper.stripHtml(bodies.plain);
        if (bodies.plain != null) return QuoteStripper.stripPlain(bodies.plain);
        if (bodies.html != null) return QuoteStripper.stripHtml(bodies.html);
        return null;
    }

    private static Bodies bodies(MimeMessage msg, List<String> warnings) {
        Bodies bodies = new Bodies();
        try {
            collect(msg, bodies, warnings, 0);
        } catch (RuntimeException e) {
            warnings.add("message body could not be fully read: " + e.getClass().getSimpleName());
        }
        return bodies;
    }

    private static final class Bodies {
        String plain;
        String html;
        String deliveryStatus;
        int parts;
    }

    private static void collect(Part part, Bodies b, List<String> warnings, int depth) {
        if (depth > 10 || ++b.parts > MAX_PARTS) return;
        String type;
        try {
            type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            type = "text/plain";
        }
        try {
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (content instanceof Multipart mp) {
                    for (int i = 0; i < mp.getCount(); i++) {
                        BodyPart bp = mp.getBodyPart(i);
                        collect(bp, b, warnings, depth + 1);
                    }
                } else {
                    b.plain = b.plain == null ? readText(part, type) : b.plain;
                }
                return;
            }
            if (type.startsWith("message/delivery-status") || type.startsWith("message/global-delivery-status")) {
                b.deliveryStatus = readRaw(part);
                return;
            }
            if (type.startsWith("message/rfc822") || type.startsWith("text/rfc822-headers")) return; // the returned original
            String disposition = safeDisposition(part);
            if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) return;
            if (type.startsWith("text/plain") && b.plain == null) {
                b.plain = readText(part, type);
            } else if (type.startsWith("text/html") && b.html == null) {
                b.html = readText(part, type);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add("unreadable MIME part (" + type.split(";")[0] + "): " + e.getClass().getSimpleName());
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** Decodes a text part, falling back to the raw bytes in a guessed charset when the declared one is bogus. */
    private static String readText(Part part, String type) throws MessagingException, IOException {
        try {
            Object c = part.getContent();
            if (c instanceof String s) return s;
        } catch (IOException | MessagingException | RuntimeException e) {
            // unknown charset or broken transfer encoding: read the bytes ourselves below
        }
        Charset cs = StandardCharsets.UTF_8;
        try {
            String name = new ContentType(type).getParameter("charset");
            if (name != null) cs = Charset.forName(MimeUtility.javaCharset(name));
        } catch (Exception e) {
            cs = StandardCharsets.ISO_8859_1;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(Texts.MAX_INPUT), cs);
        } catch (IOException | MessagingException | RuntimeException e) {
            return readRaw(part);
        }
    }

    private static String readRaw(Part part) {
        try {
            InputStream in = part instanceof jakarta.mail.internet.MimeBodyPart mbp ? mbp.getRawInputStream() : part.getInputStream();
            try (in) {
                return new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> headers(MimeMessage msg, List<String> warnings) {
        Map<String, String> out = new HashMap<>();
        try {
            Enumeration<Header> e = msg.getAllHeaders();
            while (e.hasMoreElements()) {
                Header h = e.nextElement();
                out.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue() == null ? "" : h.getValue());
            }
        } catch (MessagingException | RuntimeException ex) {
            warnings.add("headers partly unreadable");
        }
        return out;
    }

    private static List<EmailAddress> addresses(MimeMessage msg, String header, List<String> warnings) {
        String raw;
        try {
            raw = msg.getHeader(header, ",");
        } catch (MessagingException e) {
            return List.of();
        }
        if (raw == null || raw.isBlank()) return List.of();
        List<EmailAddress> out = new ArrayList<>();
        try {
            for (Address a : InternetAddress.parseHeader(raw, false)) {
                // lenient parsing accepts any text with an '@' as an address: keep only real mailboxes
                if (a instanceof InternetAddress ia && Addresses.isEmail(ia.getAddress())) {
                    out.add(new EmailAddress(decode(ia.getPersonal()), ia.getAddress()));
                } else if (a instanceof InternetAddress ia && ia.isGroup()) {
                    InternetAddress[] members = ia.getGroup(false);
                    if (members != null) for (InternetAddress g : members) {
                        if (Addresses.isEmail(g.getAddress())) out.add(new EmailAddress(decode(g.getPersonal()), g.getAddress()));
                    }
                }
            }
        } catch (Exception e) {
            warnings.add(header + " header malformed; addresses recovered by pattern");
            out.clear();
        }
        if (out.isEmpty()) {
            for (EmailAddress a : Addresses.parseList(decode(raw))) out.add(a);
        }
        // "Rossi, Anna" <a@x> is fine; a personal that is itself an address is replaced by nothing
        out.replaceAll(a -> new EmailAddress(Addresses.cleanName(a.name()), a.address()));
        return out;
    }

    private static String decode(String s) {
        if (s == null) return null;
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(s));
        } catch (Exception e) {
            return s;
        }
    }

    private static String subject(MimeMessage msg, Map<String, String> headers, List<String> warnings) {
        try {
            return Texts.field(msg.getSubject());
        } catch (MessagingException | RuntimeException e) {
            warnings.add("subject could not be decoded");
            return Texts.field(decode(headers.get("subject")));
        }
    }

    private static Instant date(MimeMessage msg, Map<String, String> headers, List<String> warnings) {
        try {
            java.util.Date d = msg.getSentDate();
            if (d != null) return d.toInstant();
        } catch (MessagingException | RuntimeException e) {
            // fall through to our own lenient reading
        }
        String raw = headers.get("date");
        Instant i = Dates.parse(raw);
        if (i == null) {
            // the last Received hop is a fair stand-in for the sending time
            String received = headers.get("received");
            if (received != null && received.contains(";")) i = Dates.parse(received.substring(received.lastIndexOf(';') + 1));
            warnings.add(raw == null ? "no Date header" : "unreadable Date header: " + Texts.field(raw, 80));
        }
        return i;
    }

    private static EmailAddress first(List<EmailAddress> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
