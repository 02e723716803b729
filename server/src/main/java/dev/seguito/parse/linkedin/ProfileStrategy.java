package dev.seguito.parse.linkedin;

import dev.seguito.parse.PersonDraft;
import org.jsoup.nodes.Document;

/** One way of reading a profile page. Strategies only offer values; {@link PersonDraft} keeps the best per field. */
interface ProfileStrategy {
    void extract(Document doc, PageContext ctx, PersonDraft draft);
}
