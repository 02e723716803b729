package dev.seguito.touch;

import dev.seguito.api.ApiError;

/**
 * A tag a request filters by ({@code ?tag=} on search and the agenda), as the key tags are stored under
 * ({@link FitScorer#key}): "Trade-Fair 2026" finds "trade fair 2026".
 */
public final class TagFilter {

    private TagFilter() {
    }

    /** The key to filter by, or null when no tag is given; a tag without a letter or digit would match nothing: a 400. */
    public static String key(String tag) {
        if (tag == null) {
            return null;
        }
        String key = FitScorer.key(tag);
        if (key.isEmpty()) {
            throw ApiError.badRequest("A tag needs a letter or a digit: \"" + tag + "\"");
        }
        return key;
    }
}
