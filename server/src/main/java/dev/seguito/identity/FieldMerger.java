package dev.seguito.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, field by field, whether a new observation replaces what the record holds. A LinkedIn profile is the
 * person's own, current statement about themselves, so it wins for profile fields when the parser is confident;
 * everything else (an email signature, a display name) only fills gaps, so a stray signature can never overwrite
 * a better value.
 */
public final class FieldMerger {

    static final double MIN_CONFIDENCE_TO_OVERWRITE = 0.5;

    private FieldMerger() {
    }

    public static Merge merge(PersonFields current, PersonFields incoming, boolean authoritative,
                              Map<String, Double> confidence) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        for (String field : PersonFields.NAMES) {
            Object old = current.get(field);
            Object now = incoming.get(field);
            boolean confident = confidence.getOrDefault(field, 1.0) >= MIN_CONFIDENCE_TO_OVERWRITE;
            boolean take = now != null && !Objects.equals(old, now) && (old == null || (authoritative && confident));
            result.put(field, take ? now : old);
            if (take) {
                changed.add(field);
            }
        }
        return new Merge(PersonFields.of(result), List.copyOf(changed));
    }

    /** The merged fields and the names of those that changed. */
    public record Merge(PersonFields fields, List<String> changed) {
    }
}
