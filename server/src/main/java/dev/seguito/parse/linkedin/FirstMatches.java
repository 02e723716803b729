package dev.seguito.parse.linkedin;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.CombiningEvaluator;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * Several {@code selectFirst} lookups answered from one walk of the document. On a 400 KB page each lookup that finds
 * nothing walks all of it, and most lookups of a layout the page does not use find nothing. One walk collects every
 * element any of the queries matches, in document order, and each lookup then scans that short list.
 */
final class FirstMatches {
    private final Elements candidates;

    FirstMatches(Document doc, Evaluator... queries) {
        candidates = doc.select(new CombiningEvaluator.Or(List.of(queries)));
    }

    /** The same element {@code doc.selectFirst(query)} returns; {@code query} must be one of the constructor's. */
    Element first(Evaluator query) {
        for (Element e : candidates) {
            // is() evaluates from the document root, as doc.selectFirst does
            if (e.is(query)) return e;
        }
        return null;
    }
}
