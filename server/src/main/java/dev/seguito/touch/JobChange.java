package dev.seguito.touch;

import java.time.Instant;
import java.util.Objects;

/** A detected move to another company (old company may be unknown); triggers a congratulation. */
public record JobChange(String oldCompany, String newCompany, Instant detectedAt) {
    public JobChange {
        Objects.requireNonNull(newCompany, "newCompany");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
