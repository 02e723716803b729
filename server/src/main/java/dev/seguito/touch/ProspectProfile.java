package dev.seguito.touch;

import java.util.Set;

/** What is known about a prospect's role and company, as input to {@link FitScorer}; any field may be null. */
public record ProspectProfile(String title, String company, String industry, String companySize, Set<String> tags) {
    public ProspectProfile {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
