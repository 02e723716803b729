package dev.seguito.identity;

import dev.seguito.parse.Texts;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How people and companies are compared: names without case, accents or punctuation noise, company names without
 * legal suffixes, and the role mailboxes (info@, sales@ …) that many people share and so identify nobody.
 */
public final class IdentityKeys {

    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "\\b(inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|sarl|srl|spa|s p a|s r l|bv|nv|oy|ab|as|co|corp|corporation|company|group)\\b");
    private static final Set<String> ROLE_MAILBOXES = Set.of("info", "sales", "support", "contact", "contacts", "hello",
            "hi", "admin", "office", "team", "hr", "jobs", "careers", "billing", "accounts", "accounting", "marketing",
            "press", "media", "enquiries", "inquiries", "help", "service", "customerservice", "mail", "post", "webmaster",
            "legal", "privacy", "security", "abuse", "ops", "operations", "reception", "booking", "bookings", "orders",
            "invoice", "invoices", "finance", "partners", "partnerships", "general", "all", "everyone", "staff",
            "noreply", "no-reply", "donotreply", "do-not-reply", "notifications", "newsletter", "news");

    private IdentityKeys() {
    }

    /** "  Anna  Bìanchi-Rossi " → "anna bianchi rossi". */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        return Texts.wordsKey(name);
    }

    /** "ACME S.p.A." and "Acme" are the same company. */
    public static String companyKey(String company) {
        String key = nameKey(company);
        String withoutSuffix = LEGAL_SUFFIX.matcher(key).replaceAll(" ").replaceAll("\\s+", " ").trim();
        return withoutSuffix.isEmpty() ? key : withoutSuffix;
    }

    public static String email(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    /** A shared mailbox must never merge two people. */
    public static boolean isRoleAddress(String address) {
        String email = email(address);
        int at = email == null ? -1 : email.indexOf('@');
        if (at <= 0) {
            return true;
        }
        return ROLE_MAILBOXES.contains(email.substring(0, at).replace(".", "").replace("_", "-"))
                || ROLE_MAILBOXES.contains(email.substring(0, at));
    }
}
