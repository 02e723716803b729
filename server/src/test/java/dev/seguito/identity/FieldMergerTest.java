package dev.seguito.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
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
        Instant correctedAt = Instant.parse("2026-11-20T10:00:00Z");
        Map<String, Correction> corrections = Map.of("title", new Correction("Head of Procurement", correctedAt));
        Instant later = correctedAt.plusSeconds(3600);

        FieldMerger.Merge stale = FieldMerger.merge(titled("Chief Procurement Officer"), titled("head of  Procurement "),
                true, Map.of(), corrections, later);
        FieldMerger.Merge updated = FieldMerger.merge(titled("Chief Procurement Officer"), titled("Chief Operating Officer"),
                true, Map.of(), corrections, later);

        assertThat(stale.fields().title()).isEqualTo("Chief Procurement Officer");
        assertThat(stale.changed()).isEmpty();
        assertThat(updated.fields().title()).isEqualTo("Chief Operating Officer");
    }

    @Test
    void nothingSeenBeforeTheCorrectionReplacesItNorFillsAFieldClearedByHand() {
        Instant correctedAt = Instant.parse("2026-11-20T10:00:00Z");
        Instant before = correctedAt.minusSeconds(60);
        PersonFields cleared = titled(null);

        FieldMerger.Merge older = FieldMerger.merge(titled("Chief Procurement Officer"), titled("Chief Operating Officer"),
                true, Map.of(), Map.of("title", new Correction("Head of Procurement", correctedAt)), before);
        FieldMerger.Merge refill = FieldMerger.merge(cleared, titled("Buyer"), false, Map.of(),
                Map.of("title", new Correction("Buyer", correctedAt)), before);
        FieldMerger.Merge otherField = FieldMerger.merge(titled("Chief Procurement Officer"),
                new PersonFields("Giulia Romano", "Giulia", "Romano", "Sourcing in Lombardy", "Chief Procurement Officer",
                        null, null, null, null),
                true, Map.of(), Map.of("title", new Correction("Head of Procurement", correctedAt)), before);

        assertThat(older.changed()).isEmpty();
        assertThat(refill.fields().title()).isNull();
        assertThat(otherField.changed()).as("only the corrected field is held").containsExactly("headline");
    }
}
