package dev.seguito.identity;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which observation wins, field by field ({@link FieldMerger}). */
class FieldMergerTest {

    private static PersonFields titled(String title) {
        return new PersonFields("Giulia Romano", "Giulia", "Romano", null, title, null, null, null, null);
    }

    @Test
    void theOwnProfileReplacesAValueAndASignatureOnlyFillsGaps() {
        FieldMerger.Merge profile = FieldMerger.merge(titled("Buyer"), titled("Head of Procurement"), true, Map.of());
        FieldMerger.Merge signature = FieldMerger.merge(titled("Buyer"), titled("Head of Procurement"), false, Map.of());
        FieldMerger.Merge gap = FieldMerger.merge(titled(null), titled("Head of Procurement"), false, Map.of());

        assertThat(profile.fields().title()).isEqualTo("Head of Procurement");
        assertThat(profile.changed()).containsExactly("title");
        assertThat(signature.fields().title()).isEqualTo("Buyer");
        assertThat(signature.changed()).isEmpty();
        assertThat(gap.fields().title()).isEqualTo("Head of Procurement");
    }

    @Test
    void anUnsureParseDoesNotOverwrite() {
        FieldMerger.Merge merge = FieldMerger.merge(titled("Buyer"), titled("Head of Procurement"), true,
                Map.of("title", 0.3));

        assertThat(merge.fields().title()).isEqualTo("Buyer");
    }

    @Test
    void theValueACorrectionReplacedDoesNotComeBackEvenSpacedOrCasedDifferently() {
        Map<String, String> correctedAway = Map.of("title", "Head of Procurement");

        FieldMerger.Merge stale = FieldMerger.merge(titled("Chief Procurement Officer"), titled("head of  Procurement "),
                true, Map.of(), correctedAway);
        FieldMerger.Merge updated = FieldMerger.merge(titled("Chief Procurement Officer"), titled("Chief Operating Officer"),
                true, Map.of(), correctedAway);

        assertThat(stale.fields().title()).isEqualTo("Chief Procurement Officer");
        assertThat(stale.changed()).isEmpty();
        assertThat(updated.fields().title()).isEqualTo("Chief Operating Officer");
    }
}
