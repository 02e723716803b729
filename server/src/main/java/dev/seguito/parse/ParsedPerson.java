package dev.seguito.parse;

import java.util.List;
import java.util.Map;

/**
 * A person as read from one capture. Any field may be null; {@code confidence} says, per field name, how much the
 * value can be trusted (0..1) so that the server can decide whether it may overwrite what a human typed.
 */
public record ParsedPerson(String fullName, String firstName, String lastName, String headline, String title,
                           String company, String location, String linkedinUrl, String linkedinSlug,
                           Integer connectionDegree, String about, String photoUrl, List<String> emails,
                           List<String> phones, String website, boolean automated, Map<String, Double> confidence) {
    public ParsedPerson {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        confidence = Map.copyOf(confidence);
    }
}
