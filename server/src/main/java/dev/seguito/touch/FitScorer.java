package dev.seguito.touch;

import java.util.List;
import java.util.Locale;

/**
 * Scores how well a prospect matches the team's {@link IdealProfile}, 0..1. A pure function: the server
 * stores the result in the contact so the engine (and the user) see the same number.
 *
 * <p>Each dimension the team filled in contributes its weight; dimensions the team left empty are ignored, so
 * the score is not diluted by preferences nobody stated. When the prospect's value for a dimension is unknown
 * it earns half the weight: missing data should neither bury nor promote a prospect.
 */
public final class FitScorer {

    static final double ROLE_WEIGHT = 0.35;
    static final double INDUSTRY_WEIGHT = 0.30;
    static final double SIZE_WEIGHT = 0.20;
    static final double TAGS_WEIGHT = 0.15;

    private FitScorer() {
    }

    public static double score(ProspectProfile prospect, IdealProfile ideal) {
        if (ideal == null || ideal.isEmpty()) {
            return 1.0;
        }
        double earned = 0;
        double possible = 0;
        if (!ideal.roles().isEmpty()) {
            possible += ROLE_WEIGHT;
            earned += ROLE_WEIGHT * (isBlank(prospect.title()) ? 0.5 : titleMatches(prospect.title(), ideal.roles()));
        }
        if (!ideal.industries().isEmpty()) {
            possible += INDUSTRY_WEIGHT;
            earned += INDUSTRY_WEIGHT * (isBlank(prospect.industry()) ? 0.5 : equalsAny(prospect.industry(), ideal.industries()));
        }
        if (!ideal.companySizes().isEmpty()) {
            possible += SIZE_WEIGHT;
            earned += SIZE_WEIGHT * (isBlank(prospect.companySize()) ? 0.5 : equalsAny(prospect.companySize(), ideal.companySizes()));
        }
        if (!ideal.tags().isEmpty()) {
            possible += TAGS_WEIGHT;
            earned += TAGS_WEIGHT * (prospect.tags().isEmpty() ? 0.5
                    : prospect.tags().stream().anyMatch(t -> equalsAny(t, ideal.tags()) == 1.0) ? 1.0 : 0.0);
        }
        // round so that stored scores and threshold comparisons do not depend on floating-point noise
        return Math.round(earned / possible * 100) / 100.0;
    }

    private static double titleMatches(String title, List<String> keywords) {
        String normalized = " " + normalize(title) + " ";
        for (String keyword : keywords) {
            // whole-word match: "cto" must not match "director"
            if (normalized.contains(" " + normalize(keyword) + " ")) {
                return 1.0;
            }
        }
        return 0.0;
    }

    private static double equalsAny(String value, List<String> options) {
        String v = normalize(value);
        return options.stream().anyMatch(o -> normalize(o).equals(v)) ? 1.0 : 0.0;
    }

    /**
     * The form in which a profile's values are compared: lower case, runs of anything but letters and digits made
     * one space. "Warm intro" and "warm-intro" are one tag; "51-200" and "51 – 200" one size band.
     */
    public static String key(String s) {
        return normalize(s);
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
