package dev.seguito.parse;

import java.util.regex.Pattern;

/** Name cleanup and first/last splitting, tolerant of "Last, First", pronouns and trailing credentials. */
public final class Names {
    /** First and last name; either may be null. */
    public record Split(String first, String last) {
    }

    private static final Pattern PRONOUNS = Pattern.compile("(?i)\\s*\\((she|he|they|her|him|them|xe|ze)(/[a-z]+)*\\)\\s*");
    private static final Pattern CREDENTIALS = Pattern.compile(
            "(?i),\\s*(phd|ph\\.d\\.?|mba|md|cpa|pmp|msc|bsc|ma|ba|jd|esq|cfa|mcp|ing|dr|csm|cissp|pe)\\b.*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern QUOTES = Pattern.compile("^[\"'“”‘’]+|[\"'“”‘’]+$");

    private Names() {
    }

    /** A display name with quotes, pronouns and credentials removed, or null. */
    public static String clean(String name) {
        String n = Texts.field(name);
        if (n == null) return null;
        n = QUOTES.matcher(n).replaceAll("").trim();
        n = PRONOUNS.matcher(n).replaceAll(" ").trim();
        n = CREDENTIALS.matcher(n).replaceAll("").trim();
        if (n.contains("@") && !n.contains(" ")) return null;
        return n.isEmpty() ? null : n;
    }

    /** "Rossi, Anna" becomes "Anna Rossi"; other names are only cleaned. */
    public static String display(String name) {
        String n = clean(name);
        if (n == null) return null;
        Split s = split(n);
        if (n.indexOf(',') > 0 && s.first() != null && s.last() != null) return s.first() + " " + s.last();
        return n;
    }

    public static Split split(String fullName) {
        String n = clean(fullName);
        if (n == null) return new Split(null, null);
        int comma = n.indexOf(',');
        if (comma > 0 && n.indexOf(',', comma + 1) < 0 && !n.substring(0, comma).trim().contains(" ")) {
            // "Rossi, Anna" as written by Outlook address books
            String last = n.substring(0, comma).trim();
            String first = n.substring(comma + 1).trim();
            if (!first.isEmpty()) return new Split(first, last);
        }
        String[] parts = WHITESPACE.split(n, 2);
        return new Split(parts[0], parts.length > 1 ? parts[1] : null);
    }
}
