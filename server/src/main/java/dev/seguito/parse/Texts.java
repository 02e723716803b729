package dev.seguito.parse;

import java.util.regex.Pattern;

/**
 * Text hygiene for every value that leaves the parsers: no markup, no runaway lengths, no invisible characters.
 * Captured pages are hostile input (huge, odd whitespace, zero-width joiners), so every field passes through here.
 */
public final class Texts {
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    public static final int MAX_FIELD = 500;
    public static final int MAX_ABOUT = 4000;
    public static final int MAX_BODY = 20_000;
    /** Inputs beyond this are truncated before parsing; a real profile or thread page is far below it. */
    public static final int MAX_INPUT = 8 * 1024 * 1024;

    // U+0000 too: a decoded MIME part can hold it, and PostgreSQL text cannot store it
    private static final Pattern INVISIBLE = Pattern.compile("[\\u0000\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern INLINE_SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F\\x0B\\f]+");
    // only real HTML tags: "Re: <Project> update" or "Anna <anna@x.com>" must survive as text
    private static final Pattern TAG = Pattern.compile(
            "(?i)</?(a|b|i|u|p|br|div|span|strong|em|font|img|ul|ol|li|table|tr|td|th|h[1-6]|blockquote|pre|code|small|"
                    + "sup|sub|hr|section|article|main|script|style)(\\s[^>]{0,500})?/?>");
    // tags that are still there after HTML conversion, e.g. cut off by truncation ("Head of Proc<meta property=")
    private static final Pattern TAG_FRAGMENT = Pattern.compile(
            "(?i)</?(a|b|i|u|p|br|div|span|strong|em|font|img|ul|ol|li|table|tr|td|th|h[1-6]|blockquote|pre|code|small|"
                    + "sup|sub|hr|section|article|main|script|style|meta|link|title|html|head|body|iframe|svg|form|input|"
                    + "button|noscript|template|object|embed)(?:[\\s/][^<>]{0,500})?(?:>|$|(?=<))");

    private Texts() {
    }

    /** A single-line field: markup removed, whitespace collapsed, capped at {@link #MAX_FIELD}; blank becomes null. */
    public static String field(String s) {
        return field(s, MAX_FIELD);
    }

    public static String field(String s, int max) {
        if (s == null) return null;
        String t = s;
        if (t.indexOf('<') >= 0 && TAG.matcher(t).find()) t = HtmlToText.convert(t);
        if (t == null) return null; // markup with no text in it
        // a tag cut off by truncation ("Head of Proc<meta property=") is not text either
        if (t.indexOf('<') >= 0) t = TAG_FRAGMENT.matcher(t).replaceAll(" ");
        t = INVISIBLE.matcher(t).replaceAll("");
        t = SPACES.matcher(t).replaceAll(" ").trim();
        return t.isEmpty() ? null : cap(t, max);
    }

    /** Multi-line text (about, reply text): keeps line breaks, collapses runs of blank lines and inner spaces. */
    public static String multiline(String s, int max) {
        if (s == null) return null;
        String t = INVISIBLE.matcher(s.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        // a tag written as text (in JSON-LD or an attribute: "Buying <div> better") is no more text here than in field()
        if (t.indexOf('<') >= 0) t = TAG_FRAGMENT.matcher(t).replaceAll(" ");
        StringBuilder out = new StringBuilder(Math.min(t.length(), max + 16));
        int blank = 0;
        for (String line : t.split("\n", -1)) {
            String l = INLINE_SPACES.matcher(line).replaceAll(" ").strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) out.append(blank > 0 ? "\n\n" : "\n");
            blank = 0;
            out.append(l);
            if (out.length() > max) break;
        }
        String r = out.toString().trim();
        return r.isEmpty() ? null : cap(r, max);
    }

    /** "Téléphone" → "Telephone", "Bìanchi" → "Bianchi": for comparisons of words people write with or without accents. */
    public static String withoutAccents(String s) {
        return ACCENTS.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)).replaceAll("");
    }

    /** "  Anna  Bìanchi-Rossi " → "anna bianchi rossi": words compared without case, accents or punctuation. */
    public static String wordsKey(String s) {
        return NON_WORD.matcher(withoutAccents(s).toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Collapses all whitespace; used for comparisons, not for output. */
    public static String squash(String s) {
        return s == null ? "" : SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").trim();
    }

    public static String cap(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = max;
        // never split a surrogate pair: a lone surrogate is invalid UTF-8 downstream
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end).trim();
    }

    public static String capInput(String s) {
        return s == null ? "" : cap(s, MAX_INPUT);
    }

    /**
     * Same answer as {@code squash(s).isEmpty()}, but stops at the first visible character: it guards whole captured
     * pages, where squashing 400 KB just to learn that it is not empty cost more than parsing the page.
     */
    public static boolean isBlank(String s) {
        if (s == null) return true;
        for (int i = 0; i < s.length(); i++) {
            if (!isBlankChar(s.charAt(i))) return false;
        }
        return true;
    }

    /** A character {@link #squash} removes or trims away: controls, spaces, no-break spaces, invisible characters. */
    private static boolean isBlankChar(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u00AD' || c == '\u2060'
                || c == '\uFEFF' || c >= '\u200B' && c <= '\u200D';
    }

    public static String firstNonBlank(String... values) {
        for (String v : values) if (!isBlank(v)) return v;
        return null;
    }
}
