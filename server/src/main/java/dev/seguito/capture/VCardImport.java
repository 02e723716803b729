package dev.seguito.capture;

import java.util.List;

/** vCard import: not implemented yet (see docs/status.md); every file is reported as unreadable, nothing is stored. */
final class VCardImport {

    private VCardImport() {
    }

    static ImportFormats.Rows read(String content) {
        return new ImportFormats.Rows(List.of(), List.of("vCard import is not available yet"));
    }
}
