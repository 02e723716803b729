package dev.seguito.capture;

import dev.seguito.contacts.ContactTags;
import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.ParsedPerson;
import dev.seguito.parse.PhoneNormalizer;
import dev.seguito.touch.FitScorer;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * vCard files (one or many cards, versions 2.1 to 4.0, as phones and address books export them) read with ez-vcard.
 * A card only fills gaps in what the team knows: it is not authoritative like the person's own LinkedIn profile.
 */
final class VCardImport {

    private static final int MAX_FIELD = 300;

    private VCardImport() {
    }

    static ImportFormats.Rows read(String content) {
        List<ImportFormats.Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<VCard> cards;
        try {
            cards = Ezvcard.parse(content).all();
        } catch (RuntimeException e) {
            return new ImportFormats.Rows(rows, List.of("The file could not be read as vCard: " + e.getMessage()));
        }
        if (cards.isEmpty()) {
            errors.add("No BEGIN:VCARD … END:VCARD card found: is this a vCard (.vcf) file?");
        }
        for (int i = 0; i < cards.size(); i++) {
            try {
                rows.add(new ImportFormats.Row(i + 1, person(cards.get(i)), null, tags(cards.get(i))));
            } catch (IllegalArgumentException e) {
                errors.add("card " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new ImportFormats.Rows(rows, errors);
    }

    private static ParsedPerson person(VCard card) {
        String first = card.getStructuredName() == null ? null : field(card.getStructuredName().getGiven());
        String last = card.getStructuredName() == null ? null : field(card.getStructuredName().getFamily());
        String full = card.getFormattedName() == null ? null : field(card.getFormattedName().getValue());
        if (full == null) {
            full = first == null ? last : last == null ? first : first + " " + last;
        }
        if (full == null) {
            throw new IllegalArgumentException("no name (FN or N)");
        }
        List<String> emails = card.getEmails().stream().map(Email::getValue).filter(Objects::nonNull)
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> e.contains("@")).distinct().toList();
        List<String> phones = card.getTelephoneNumbers().stream().map(Telephone::getText).filter(Objects::nonNull)
                .map(t -> PhoneNormalizer.normalize(t, emails.isEmpty() ? null : PhoneNormalizer.regionForDomain(emails.get(0))))
                .filter(Objects::nonNull).distinct().toList();
        String linkedin = null;
        String website = null;
        for (Url url : card.getUrls()) {
            String canonical = LinkedInUrls.canonical(url.getValue());
            if (canonical != null && linkedin == null) {
                linkedin = canonical;
            } else if (canonical == null && website == null) {
                website = field(url.getValue());
            }
        }
        Organization org = card.getOrganization();
        String company = org == null || org.getValues().isEmpty() ? null : field(org.getValues().get(0));
        Title title = card.getTitles().isEmpty() ? null : card.getTitles().get(0);
        return new ParsedPerson(full, first, last, null, title == null ? null : field(title.getValue()), company, null,
                linkedin, LinkedInUrls.slug(linkedin), null, null, null, emails, phones, website, false, Map.of());
    }

    /**
     * CATEGORIES, as address books write a contact's groups and labels ("Trade fair 2026", "Suppliers"): each once,
     * within the limits of tags set by hand ({@link ContactTags}); a longer one is left out, not cut.
     */
    static List<String> tags(VCard card) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (Categories categories : card.getCategoriesList()) {
            for (String value : categories.getValues()) {
                String tag = value == null ? "" : ContactTags.spelling(value);
                String key = FitScorer.key(tag);
                if (!key.isEmpty() && tag.length() <= ContactTags.MAX_LENGTH && byKey.size() < ContactTags.MAX_TAGS) {
                    byKey.putIfAbsent(key, tag);
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    private static String field(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) : v;
    }
}
