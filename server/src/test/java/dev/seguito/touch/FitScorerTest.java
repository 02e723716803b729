package dev.seguito.touch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FitScorerTest {

    static final IdealProfile IDEAL = new IdealProfile(List.of("Software", "Fintech"), List.of("head of sales", "CRO"),
            List.of("51-200", "201-500"), List.of("saas"));

    record Case(String name, ProspectProfile prospect, IdealProfile ideal, double expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("matches everything", new ProspectProfile("Head of Sales EMEA", "Acme", "software", "51-200",
                        Set.of("SaaS")), IDEAL, 1.0),
                new Case("matches nothing", new ProspectProfile("Office manager", "Bakery", "Food", "1-10",
                        Set.of("local")), IDEAL, 0.0),
                new Case("right role and size, wrong industry, no tags: 0.35 + 0.20 + 0.15/2", new ProspectProfile("CRO", "Bakery", "Food", "51-200",
                        Set.of()), IDEAL, 0.63),
                new Case("role keywords match whole words only", new ProspectProfile("Director", "Acme", "Software",
                        "51-200", Set.of("saas")), new IdealProfile(List.of(), List.of("cto"), List.of(), List.of()), 0.0),
                new Case("punctuation and case do not matter", new ProspectProfile("VP, Head-of-Sales", "Acme", null,
                        null, Set.of()), new IdealProfile(List.of(), List.of("Head of Sales"), List.of(), List.of()), 1.0),
                new Case("unknown values earn half", new ProspectProfile(null, null, null, null, null), IDEAL, 0.5),
                new Case("no ideal profile: everyone fits", new ProspectProfile("Office manager", null, null, null,
                        null), IdealProfile.NONE, 1.0),
                new Case("only the dimensions the team set count", new ProspectProfile("Office manager", "Acme",
                        "Fintech", null, null), new IdealProfile(List.of("fintech"), List.of(), List.of(), List.of()), 1.0)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scores(Case c) {
        assertEquals(c.expected(), FitScorer.score(c.prospect(), c.ideal()), 1e-9);
    }
}
