package dev.seguito.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, field by field, whether a new observation replaces what the record holds. A LinkedIn profile is the
 * person's own, current statement about themselves, so it wins for profile fields when the parser is confident;
 * everything else (an email signature, a display name) only fills gaps, so a stray signature can never overwrite
 * a better value. Not even the profile puts back a value a member corrected by hand: a page showing it is a stale
 * copy, as is one seen before the correction was made; only a page seen since that shows something new replaces it.
 */
public final class FieldMerger {

    static final double MIN_CONFIDENCE_TO_OVERWRITE = 0.5;

    private FieldMerger() {
    }

    public static Merge merge(PersonFields current, PersonFields incoming, boolean authoritative,
                              Map<String, Double> confidence) {
        return merge(current, incoming, authoritative, confidence, Map.of(), Instant.now());
    }

    /**
     * As {@link #merge(PersonFields, PersonFields, boolean, Map)}, where {@code corrections} holds the corrections by
     * hand still in force, by field, and {@code observedAt} is when the incoming values were seen.
     */
    public static Merge merge(PersonFields current, PersonFields incoming, boolean authoritative,
                              Map<String, Double> confidence, Map<String, Correction> corrections, Instant observedAt) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        for (String field : PersonFields.NAMES) {
            Object old = current.get(field);
            Object now = incoming.get(field);
            boolean confident = confidence.getOrDefault(field, 1.0) >= MIN_CONFIDENCE_TO_OVERWRITE;
            Correction correction = corrections.get(field);
            boolean stale = correction != null && correction.outdates(now, observedAt);
            boolean take = now != null && !Objects.equals(old, now) && !stale
                    && (old == null || (authoritative && confident));
            result.put(field, take ? now : old);
            if (take) {
                changed.add(field);
            }
        }
        return new Merge(PersonFields.of(result), List.copyOf(changed));
    }

    /** Whether two values read the same to a person: spacing and letter case are ignored. */
    public static boolean sameText(String a, String b) {
        return a != null && b != null
                && a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }

    /** The merged fields and the names of those that changed. */
    public record Merge(PersonFields fields, List<String> changed) {
    }
}
