package dev.seguito.parse.linkedin;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.seguito.parse.Fixtures;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;

class FirstMatchesTest {
    private static final List<Evaluator> QUERIES = List.of(
            Selector.evaluatorOf("h1.top-card-layout__title, .top-card-layout__title h1, h1.top-card__title"),
            Selector.evaluatorOf(".top-card-layout__first-subline .not-first-middot > span, .top-card-layout__first-subline span"),
            Selector.evaluatorOf("section.experience li.experience-item, li.experience-item"),
            Selector.evaluatorOf("section h1"),
            Selector.evaluatorOf("div > span"),
            Selector.evaluatorOf("img.nowhere"));

    @Test
    void answersLikeSelectFirstOnTheDocument() {
        Document doc = Jsoup.parse("""
                <section class="top-card-layout__title"><div><h1 id="nested">Anna</h1></div></section>
                <h1 class="top-card-layout__title" id="direct">Later</h1>
                <div class="top-card-layout__first-subline"><span id="plain">Milan</span>
                  <span class="not-first-middot"><span id="middot">Rome</span></span></div>
                <section class="experience"><ul><li class="experience-item" id="first-job"><span>x</span></li></ul></section>
                """);
        assertSameAsSelectFirst(doc);
        // descendant combinators match relative to the document, not to the candidate itself
        assertSame(doc.getElementById("nested"), new FirstMatches(doc, QUERIES.toArray(Evaluator[]::new)).first(QUERIES.get(0)));
    }

    @Test
    void answersLikeSelectFirstOnEveryFixturePage() {
        for (String page : List.of("public_profile.html", "loggedin_headless.html", "main_only.html", "title_only.html",
                "authwall.html", "not_found.html", "interstitial.html")) {
            assertSameAsSelectFirst(Jsoup.parse(Fixtures.load("linkedin/" + page)));
        }
    }

    @Test
    void noMatchIsNull() {
        Document doc = Jsoup.parse("<p>nothing here</p>");
        assertNull(new FirstMatches(doc, QUERIES.get(0)).first(QUERIES.get(0)));
    }

    private static void assertSameAsSelectFirst(Document doc) {
        FirstMatches matches = new FirstMatches(doc, QUERIES.toArray(Evaluator[]::new));
        for (Evaluator q : QUERIES) assertSame(doc.selectFirst(q), matches.first(q), q::toString);
    }
}
