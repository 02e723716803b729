package dev.seguito.touch;

import java.util.List;

/** A rule that proposes touches from the evidence. Pure: the same context always gives the same candidates. */
public interface TouchRule {

    /** Stable id stored with suggestions, dismissals and done marks; never rename. */
    String id();

    List<Candidate> candidates(TouchContext context);
}
