package dev.seguito.touch;

import java.util.List;

/**
 * The team's description of a good prospect. Empty lists mean "no preference" on that dimension, so a team
 * that has not set a profile sees every prospect as a fit.
 *
 * @param roles        keywords looked for in a job title, e.g. "sales", "head of"
 * @param companySizes company size bands as the team labels them, e.g. "51-200"
 */
public record IdealProfile(List<String> industries, List<String> roles, List<String> companySizes, List<String> tags) {

    public static final IdealProfile NONE = new IdealProfile(List.of(), List.of(), List.of(), List.of());

    public IdealProfile {
        industries = clean(industries);
        roles = clean(roles);
        companySizes = clean(companySizes);
        tags = clean(tags);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    public boolean isEmpty() {
        return industries.isEmpty() && roles.isEmpty() && companySizes.isEmpty() && tags.isEmpty();
    }
}
