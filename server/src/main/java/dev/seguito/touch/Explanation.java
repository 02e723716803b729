package dev.seguito.touch;

import java.util.List;
import java.util.Optional;

/**
 * Everything the engine considered for one contact: for admin and debugging, and for the sidebar to say
 * who touched the person when the frequency cap leaves no suggestion.
 */
public record Explanation(List<Candidate> candidates, List<Suppression> suppressions, Optional<Suggestion> chosen) {

    public Explanation {
        candidates = List.copyOf(candidates);
        suppressions = List.copyOf(suppressions);
    }

    public List<Suppression> suppressionsBy(String by) {
        return suppressions.stream().filter(s -> s.by().equals(by)).toList();
    }
}
