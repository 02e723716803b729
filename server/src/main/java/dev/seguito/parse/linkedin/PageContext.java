package dev.seguito.parse.linkedin;

import dev.seguito.parse.LinkedInUrls;
import java.util.ArrayList;
import java.util.List;

/** What strategies share about the page: the profile slug when known (to tell the member from the viewer). */
final class PageContext {
    String slug;
    final List<String> warnings = new ArrayList<>();

    PageContext(String pageUrl) {
        this.slug = LinkedInUrls.slug(pageUrl);
    }
}
