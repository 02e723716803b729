package dev.seguito.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a (quote-free) message into body and signature. Uses the "-- " delimiter when present, otherwise looks at
 * the last lines: a closing ("Best regards,") and/or the sender's name, followed by short contact-like lines. The
 * signature is where title, company and phone live; the body is what goes into the timeline.
 */
public final class SignatureExtractor {
    /** The result: {@code body} without signature, {@code signature} starting at the closing or name line. */
    public record Split(String body, String signature, List<String> signatureLines) {
    }

    private static final Pattern DELIMITER = Pattern.compile("^\\s*(--|—|-- ?\\u00A0?|__|-{3,}|_{3,})\\s*$");
    private static final Pattern MOBILE = Pattern.compile(
            "(?iu)^\\s*(sent from (my )?(iphone|ipad|android|blackberry|mobile|samsung|galaxy|huawei|windows phone|"
                    + "outlook|yahoo mail|mail for windows|aol|proton)|sent (via|with|using) .{0,40}|"
                    + "get outlook for (ios|android)|inviato da .{0,40}|envoyé de mon .{0,30}|von meinem .{0,40} gesendet|"
                    + "enviado desde mi .{0,30}|sent from my .{0,40}|sent on the go.*|via mobile)\\s*\\.?\\s*$");
    private static final Pattern CLOSING = Pattern.compile(
            "(?iu)^\\s*(best|kind|warm|warmest|many|all the best|best wishes|kind regards|best regards|warm regards|"
                    + "regards|cheers|thanks|thank you|thanks again|thanks so much|many thanks|thx|sincerely|"
                    + "yours( truly| sincerely)?|respectfully|cordially|talk soon|speak soon|ciao|saluti|"
                    + "cordiali saluti|distinti saluti|un saluto|grazie|cordialement|bien à vous|merci|"
                    + "mit freundlichen grüßen|viele grüße|beste grüße|gruß|grüße|lg|mfg|saludos|un saludo|"
                    + "atentamente|abraços|obrigado|met vriendelijke groet|med vänlig hälsning|hälsningar|"
                    + "mvh|vh|with thanks|with best regards|take care|have a great (day|week|weekend))"
                    + "( and regards| to you| everyone)?\\s*[,.!]*\\s*-?\\s*$");
    private static final Pattern CONTACTISH = Pattern.compile(
            "(?iu)(\\+?\\d[\\d ().-]{6,}\\d|@|https?://|www\\.|\\.(com|org|net|io|it|de|fr|co|uk|se)\\b|"
                    + "\\b(tel|phone|mobile|mob|cell|fax|direct|office|skype|linkedin|twitter)\\b|"
                    + "\\b(ceo|cto|cfo|coo|vp|founder|co-founder|director|manager|head|lead|engineer|president|partner|"
                    + "consultant|officer|sales|marketing|executive|developer|designer|analyst|specialist|"
                    + "coordinator|owner|recruiter|architect|associate|assistant|advisor|inc|llc|ltd|gmbh|s\\.?r\\.?l|"
                    + "s\\.?p\\.?a|ab|corp|company|group)\\b)");

    private SignatureExtractor() {
    }

    public static Split split(String text, String senderName) {
        if (text == null) return new Split(null, null, List.of());
        List<String> lines = new ArrayList<>(Arrays.asList(text.replace("\r\n", "\n").split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        int start = findStart(lines, senderName);
        if (start < 0 || start >= lines.size()) return new Split(Texts.multiline(text, Texts.MAX_BODY), null, List.of());
        List<String> sig = new ArrayList<>();
        for (String l : lines.subList(start, lines.size())) {
            if (!l.isBlank()) sig.add(l.strip());
        }
        String body = Texts.multiline(String.join("\n", lines.subList(0, start)), Texts.MAX_BODY);
        return new Split(body, Texts.multiline(String.join("\n", lines.subList(start, lines.size())), Texts.MAX_ABOUT), sig);
    }

    private static int findStart(List<String> lines, String senderName) {
        int n = lines.size();
        int tail = startOfLastNonBlank(lines, 15);
        // 1. explicit delimiter; only near the end, a "--" high up is more likely a bullet or a divider
        for (int i = Math.max(1, tail); i < n; i++) {
            if (DELIMITER.matcher(lines.get(i)).matches() && !lines.get(i).strip().equals("__")) {
                // "Best,\nOliver\n-- \n<card>": the closing above the delimiter is part of the sign-off too
                for (int k = i - 1, seen = 0; k >= 0 && seen < 3; k--) {
                    if (lines.get(k).isBlank()) continue;
                    seen++;
                    if (CLOSING.matcher(lines.get(k).strip()).matches()) return k;
                }
                return i;
            }
        }
        // 2. mobile footers: cut there, but prefer an earlier closing if present right above
        int mobile = -1;
        for (int i = n - 1; i >= Math.max(0, n - 4); i--) {
            if (MOBILE.matcher(lines.get(i)).matches()) mobile = i;
        }
        int window = Math.max(0, n - 12);
        // 3. a closing line followed only by short lines
        for (int i = window; i < n; i++) {
            String t = lines.get(i).strip();
            if (CLOSING.matcher(t).matches() && tailIsShort(lines, i + 1)) return i;
        }
        // 4. the sender's own name on a line of its own
        String name = senderName == null ? null : Texts.squash(senderName).toLowerCase(Locale.ROOT);
        String first = name == null || name.isEmpty() ? null : name.split(" ")[0];
        for (int i = Math.max(1, window); i < n; i++) {
            String t = LEADING_DASH.matcher(Texts.squash(lines.get(i)).toLowerCase(Locale.ROOT)).replaceAll("");
            if (t.isEmpty()) continue;
            if (name != null && (t.equals(name) || t.startsWith(name + ",") || t.startsWith(name + " |")
                    || (first != null && first.length() > 1 && t.equals(first))) && tailIsShort(lines, i + 1)) {
                return i;
            }
        }
        if (mobile >= 0) {
            // "Jane Doe\nvia mobile": the name right above a mobile footer belongs to the signature
            int above = mobile - 1;
            if (above >= 1 && NAME_LINE.matcher(lines.get(above).strip()).matches()) return above;
            return mobile;
        }
        // 5. a trailing block of short contact-like lines separated from the body by a blank line
        int blockStart = -1;
        int contactLines = 0;
        for (int i = n - 1; i >= window; i--) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                if (contactLines >= 2) blockStart = i + 1;
                break;
            }
            if (t.length() > 70) break;
            if (CONTACTISH.matcher(t).find()) contactLines++;
            if (i == window) break;
        }
        if (blockStart > 0) {
            // the name usually sits right above the contact lines, inside the same block
            return blockStart;
        }
        return -1;
    }

    private static final Pattern LEADING_DASH = Pattern.compile("^[-–—~]\\s*");
    private static final Pattern NAME_LINE = Pattern.compile("^[-–—~]?\\s*\\p{Lu}[\\p{L}.'-]*(\\s+\\p{Lu}[\\p{L}.'-]*){0,3}$");

    /** Index of the line where the last {@code count} non-blank lines begin. */
    private static int startOfLastNonBlank(List<String> lines, int count) {
        int seen = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank() && ++seen == count) return i;
        }
        return 0;
    }

    private static boolean tailIsShort(List<String> lines, int from) {
        int count = 0;
        for (int i = from; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) continue;
            if (t.length() > 80) return false;
            count++;
        }
        return count <= 10;
    }
}
