package dev.seguito.capture;

import dev.seguito.api.ApiError;
import dev.seguito.api.JsonText;
import dev.seguito.contacts.ContactAddress;
import dev.seguito.contacts.ContactTags;
import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.Names;
import dev.seguito.parse.ParsedPerson;
import dev.seguito.parse.PhoneNormalizer;
import dev.seguito.touch.RelationshipType;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A contact typed in by hand, from a business card or a conversation at an event, as {@code POST /api/v1/contacts}
 * receives it: checked as strictly as an address added by hand, because no page stands behind it. What it says
 * goes through the same identity resolution as a capture, and a meeting given with it starts the 24/7/30
 * follow-up.
 *
 * @param met when and where the member met the person, or null
 */
record ContactEntry(String idempotencyKey, ParsedPerson person, String relationshipType, List<String> tags, Met met) {

    /**
     * A meeting as the entry gives it; {@code where} becomes the meeting's subject ("Met at Web Summit").
     *
     * @param timeGiven false when the entry gave no time and the meeting is dated when it arrived: a retry of it
     *                  is the same entry though it arrives later
     */
    record Met(Instant at, String where, boolean timeGiven) {
    }

    private static final int MAX_LENGTH = 200;
    private static final int MAX_KEY_LENGTH = 200;
    /** A meeting up to a day ahead is a clock out of step (or a time zone typed wrong); later is a mistake. */
    private static final long MAX_FUTURE_SECONDS = 24 * 3600;
    private static final Set<String> FIELDS = Set.of("fullName", "email", "phone", "region", "company", "title",
            "linkedinUrl", "website", "relationshipType", "tags", "met", "idempotencyKey");

    static ContactEntry from(JsonObject body, Instant now) {
        for (String key : body.fieldNames()) {
            if (!FIELDS.contains(key)) {
                throw ApiError.badRequest("\"" + key + "\" is not part of a contact entry; give any of " + new TreeSet<>(FIELDS));
            }
        }
        String key = JsonText.optional(body, "idempotencyKey", MAX_KEY_LENGTH);
        if (key == null) {
            throw ApiError.badRequest("\"idempotencyKey\" is required (1 to 200 characters), so that a retry adds no one twice");
        }
        String fullName = Names.clean(JsonText.optional(body, "fullName", MAX_LENGTH));
        if (fullName == null) {
            throw ApiError.badRequest("\"fullName\" is required: the person's name as on the card");
        }
        String email = JsonText.optional(body, "email", 254);
        List<String> emails = email == null ? List.of() : List.of(ContactAddress.email(email));
        String company = JsonText.optional(body, "company", MAX_LENGTH);
        String phone = JsonText.optional(body, "phone", 50);
        List<String> phones = phone == null ? List.of()
                : List.of(ContactAddress.phone(phone, region(body, emails, company)));
        String linkedinUrl = linkedin(JsonText.optional(body, "linkedinUrl", 500));
        String website = JsonText.optional(body, "website", 2000);
        Names.Split split = Names.split(fullName);
        String title = JsonText.optional(body, "title", MAX_LENGTH);
        ParsedPerson person = new ParsedPerson(fullName, split.first(), split.last(), null, title, company, null, linkedinUrl, LinkedInUrls.slug(linkedinUrl), null, null, null, emails, phones,
                website == null ? null : ContactAddress.website(website), false, Map.of());
        List<String> tags = ContactTags.given(body);
        return new ContactEntry(key, person, relationshipType(body), tags == null ? List.of() : tags, met(body, now));
    }

    /**
     * What identifies the content of this entry, so that a key sent again with something else is refused: the
     * checked values, not the bytes, since a client may send the same entry with its keys in another order.
     */
    byte[] hash() {
        String canonical = String.join("\u0000", Arrays.asList(person.fullName(), String.valueOf(person.emails()),
                String.valueOf(person.phones()), person.company(), person.title(), person.linkedinUrl(), person.website(),
                relationshipType, String.valueOf(tags), met == null ? null : (met.timeGiven() ? met.at() : "now") + "\u0000" + met.where()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The country a number without its code is read in: the one given, else the one the email's domain or the
     * company's legal form names ("S.r.l." Italy), as signatures are read.
     */
    private static String region(JsonObject body, List<String> emails, String company) {
        String region = JsonText.optional(body, "region", 2);
        if (region != null) {
            return region;
        }
        String guessed = emails.isEmpty() ? null : PhoneNormalizer.regionForDomain(emails.get(0).substring(emails.get(0).indexOf('@') + 1));
        if (guessed == null && company != null) {
            guessed = PhoneNormalizer.regionForLegalForm(company);
        }
        return guessed;
    }

    private static String linkedin(String url) {
        if (url == null) {
            return null;
        }
        String canonical = LinkedInUrls.canonical(url);
        if (canonical == null) {
            throw ApiError.badRequest("\"" + url + "\" is not a LinkedIn profile address (https://www.linkedin.com/in/…)");
        }
        return canonical;
    }

    private static String relationshipType(JsonObject body) {
        String type = JsonText.optional(body, "relationshipType", 20);
        if (type == null) {
            return null;
        }
        try {
            return RelationshipType.valueOf(type.toUpperCase(Locale.ROOT)).key();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("relationshipType must be one of client, prospect, partner, colleague, other");
        }
    }

    private static Met met(JsonObject body, Instant now) {
        Object value = body.getValue("met");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject met)) {
            throw ApiError.badRequest("\"met\" must be an object: {\"at\": \"2026-12-07T10:30:00+01:00\", \"where\": \"…\"}");
        }
        String at = JsonText.optional(met, "at", 40);
        Instant when;
        try {
            when = at == null ? now : OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("met.at must be a date and time with its offset, e.g. 2026-12-07T10:30:00+01:00");
        }
        if (when.isAfter(now.plusSeconds(MAX_FUTURE_SECONDS))) {
            throw ApiError.badRequest("met.at is in the future: log a meeting once it has taken place");
        }
        return new Met(when, JsonText.optional(met, "where", MAX_LENGTH), at != null);
    }
}
