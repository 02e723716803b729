package dev.seguito.bench.jmh;

import dev.seguito.identity.FieldMerger;
import dev.seguito.identity.IdentityKeys;
import dev.seguito.identity.PersonFields;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Identity matching on every capture: name and company keys and the field-by-field merge. Baselines in the same
 * run: the minimum a key needs (NFD normalisation and lower-casing the same string) and copying nine fields into a
 * map, so the ratios show what the matching rules add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IdentityBenchmarks {

    private final String name = "Dott.ssa Giulia  Romanò-Bianchi, MBA";
    private final String company = "Fabbrica Nord S.p.A. (Gruppo Industriale)";
    private final PersonFields current = new PersonFields("Giulia Romano", "Giulia", "Romano", null, "Buyer",
            "Milan", null, null, 2);
    private final PersonFields incoming = new PersonFields("Giulia Romano", "Giulia", "Romano",
            "Head of Procurement at Fabbrica Nord", "Head of Procurement", "Milan, Lombardy, Italy",
            "Buying better, buying less.", "https://media.licdn.com/p.jpg", 1);
    private final Map<String, Double> confidence = Map.of("title", 0.9, "location", 0.85, "headline", 0.9);

    @Benchmark
    public String baselineNormalizeLowercase() {
        return Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    }

    @Benchmark
    public String nameKey() {
        return IdentityKeys.nameKey(name);
    }

    @Benchmark
    public String companyKey() {
        return IdentityKeys.companyKey(company);
    }

    @Benchmark
    public Map<String, Object> baselineCopyNineFields() {
        Map<String, Object> m = new HashMap<>();
        for (String f : PersonFields.NAMES) {
            m.put(f, incoming.get(f));
        }
        return m;
    }

    @Benchmark
    public FieldMerger.Merge fieldMerge() {
        return FieldMerger.merge(current, incoming, true, confidence);
    }
}
