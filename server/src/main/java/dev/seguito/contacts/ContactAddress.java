package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.identity.IdentityKeys;
import dev.seguito.parse.PhoneNormalizer;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An email, phone number or website of a contact as it is stored and as the card shows it: {@code type} is the
 * contact-mechanism type, {@code value} the stored spelling (emails in lower case, phones in E.164, websites with
 * their scheme). A person corrects a contact with these (docs/privacy.md, "Correcting a contact").
 */
public record ContactAddress(String type, String value) {

    static final String EMAIL = "EMAIL_ADDRESS";
    static final String PHONE = "TELECOM_NUMBER";
    static final String WEB = "WEB_ADDRESS";

    /** What the person calls it, in messages. */
    public String label() {
        return switch (type) {
            case EMAIL -> "email address";
            case PHONE -> "phone number";
            default -> "website";
        };
    }

    /** The identity key this address is (IdentityResolver's kind), or null: websites and role mailboxes identify no one. */
    public String identityKind() {
        return switch (type) {
            case EMAIL -> IdentityKeys.isRoleAddress(value) ? null : "email";
            case PHONE -> "phone";
            default -> null;
        };
    }

    /**
     * An address to remove, from the query of {@code DELETE /contacts/{id}/addresses}: exactly one of email, phone
     * and website, as the card shows it. Lenient: it only has to find what is stored.
     */
    public static ContactAddress toRemove(String email, String phone, String website) {
        requireOne(email, phone, website);
        if (!blank(email)) {
            return new ContactAddress(EMAIL, IdentityKeys.email(email));
        }
        if (!blank(phone)) {
            // a "+" sent unencoded in a query arrives as a space
            String number = PhoneNormalizer.normalize(phone.trim(), null);
            number = number != null ? number : PhoneNormalizer.normalize("+" + phone.trim(), null);
            if (number == null) {
                throw ApiError.badRequest("phone is not a phone number; give it as the card shows it (+39…)");
            }
            return new ContactAddress(PHONE, number);
        }
        return new ContactAddress(WEB, website.trim());
    }

    /**
     * An address to add, from the body of {@code POST /contacts/{id}/addresses}: {@code {"email"}}, {@code {"phone",
     * "region"?}} or {@code {"website"}}. Strict: what is stored must be a real address.
     */
    public static ContactAddress toAdd(JsonObject body) {
        String email = text(body, "email");
        String phone = text(body, "phone");
        String website = text(body, "website");
        requireOne(email, phone, website);
        if (email != null) {
            return new ContactAddress(EMAIL, email(email));
        }
        if (phone != null) {
            return new ContactAddress(PHONE, phone(phone, text(body, "region")));
        }
        return new ContactAddress(WEB, website(website));
    }

    /** An email address typed by hand, as it is stored (lower case), or a 400 saying what is wrong with it. */
    public static String email(String raw) {
        try {
            InternetAddress parsed = new InternetAddress(raw.trim(), true);
            if (parsed.getPersonal() != null || !parsed.getAddress().contains("@") || parsed.getAddress().length() > 254) {
                throw new AddressException("not a bare address");
            }
            return IdentityKeys.email(parsed.getAddress());
        } catch (AddressException e) {
            throw ApiError.badRequest("\"" + raw.trim() + "\" is not an email address (name@example.com)");
        }
    }

    /**
     * A phone number typed by hand in E.164, read in {@code region} (two letters) when it has no country code, or a
     * 400 saying what is wrong with it.
     */
    public static String phone(String raw, String region) {
        if (region != null && !region.matches("[A-Za-z]{2}")) {
            throw ApiError.badRequest("region must be a two-letter country code, e.g. \"IT\"");
        }
        if (region == null && !raw.trim().startsWith("+") && !raw.trim().startsWith("00")) {
            throw ApiError.badRequest("Give the number in international form (+39 02 …), or its country as \"region\": \"IT\"");
        }
        String number = PhoneNormalizer.normalize(raw.trim(), region == null ? null : region.toUpperCase(Locale.ROOT));
        if (number == null) {
            throw ApiError.badRequest("\"" + raw.trim() + "\" is not a valid phone number"
                    + (region == null ? "" : " in " + region.toUpperCase(Locale.ROOT)));
        }
        return number;
    }

    /** A website typed by hand, with its scheme, or a 400 (a LinkedIn URL is not a website). */
    public static String website(String raw) {
        String url = raw.trim().matches("(?i)^https?://.*") ? raw.trim() : "https://" + raw.trim();
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host == null || !host.contains(".") || url.length() > 2000) {
                throw new URISyntaxException(url, "no host");
            }
            if (host.toLowerCase(Locale.ROOT).matches("(.+\\.)?linkedin\\.com")) {
                throw ApiError.badRequest("A LinkedIn profile is not a website: capture the profile to link it");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ApiError.badRequest("\"" + raw.trim() + "\" is not a website address (https://example.com)");
        }
    }

    private static void requireOne(String email, String phone, String website) {
        int given = (blank(email) ? 0 : 1) + (blank(phone) ? 0 : 1) + (blank(website) ? 0 : 1);
        if (given != 1) {
            throw ApiError.badRequest("Give exactly one of email, phone or website");
        }
    }

    private static String text(JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value != null && !(value instanceof String)) {
            throw ApiError.badRequest("\"" + key + "\" must be a string");
        }
        return blank((String) value) ? null : (String) value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
