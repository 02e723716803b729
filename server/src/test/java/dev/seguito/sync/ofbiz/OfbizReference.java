package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the OFBiz reference files ({@code shared/ofbiz}, next to the repository) and the repository's own OFBiz
 * component ({@code plugin/ofbiz}) by walking up from the working directory. Tests that need the reference files
 * skip with a clear message when they are absent.
 */
final class OfbizReference {

    private OfbizReference() {
    }

    static Optional<Path> sharedOfbiz() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("ofbiz");
            if (Files.isRegularFile(candidate.resolve("framework/applications/datamodel/entitydef/party-entitymodel.xml"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The reference folder, or the calling test is skipped. */
    static Path requireSharedOfbiz() {
        Optional<Path> found = sharedOfbiz();
        assumeTrue(found.isPresent(), "OFBiz reference files not found: expected a folder shared/ofbiz in a parent "
                + "directory of " + Path.of("").toAbsolutePath() + " (see docs/crm-mapping.md); skipping");
        return found.get();
    }

    /** The repository's plugin/ofbiz component (always part of the repository). */
    static Path component() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("plugin").resolve("ofbiz");
            if (Files.isRegularFile(candidate.resolve("ofbiz-component.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("plugin/ofbiz not found above " + Path.of("").toAbsolutePath());
    }

    static Path framework(Path shared, String relative) {
        return shared.resolve("framework").resolve(relative);
    }
}
