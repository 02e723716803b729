package dev.seguito.parse.linkedin;

import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedPerson;
import dev.seguito.parse.PersonDraft;
import dev.seguito.parse.Texts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a captured LinkedIn profile page (whole document, head-less snapshot or just {@code <main>}) into one person.
 * Strategies run from the most to the least structured source and the most confident value per field wins.
 */
public final class LinkedInProfileParser {
    private static final List<ProfileStrategy> STRATEGIES = List.of(new JsonLdStrategy(), new DomStrategy(),
            new EmbeddedJsonStrategy(), new MetaStrategy());
    private static final Pattern HEADLINE_AT = Pattern.compile("^(.{2,80}?)\\s+(?:at|@|presso|bei|chez|en)\\s+([^|,·•]{2,80})(?:[|,·•].*)?$");

    private LinkedInProfileParser() {
    }

    public static ParsedCapture parse(String html, String pageUrl) throws CaptureRejectedException {
        if (Texts.isBlank(html)) {
            throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE, "The capture is empty.");
        }
        Document doc = Jsoup.parse(Texts.capInput(html), pageUrl == null ? "" : pageUrl);
        NonProfilePages.rejectObvious(doc, pageUrl);
        PageContext ctx = new PageContext(pageUrl);
        PersonDraft draft = new PersonDraft();
        if (ctx.slug != null) draft.offer(PersonDraft.LINKEDIN_URL, LinkedInUrls.canonical(pageUrl), 1.0);
        for (ProfileStrategy s : STRATEGIES) {
            try {
                s.extract(doc, ctx, draft);
            } catch (RuntimeException e) {
                // one broken strategy must not lose what the others found
                ctx.warnings.add(s.getClass().getSimpleName() + " failed: " + e.getClass().getSimpleName());
            }
        }
        if (draft.get(PersonDraft.FULL_NAME) == null && draft.get(PersonDraft.FIRST_NAME) == null) {
            throw NonProfilePages.explainNoName(doc, pageUrl);
        }
        String headline = draft.get(PersonDraft.HEADLINE);
        if (headline != null) {
            Matcher m = HEADLINE_AT.matcher(headline);
            if (m.matches()) {
                draft.offer(PersonDraft.TITLE, m.group(1), 0.4);
                draft.offer(PersonDraft.COMPANY, m.group(2), 0.4);
            }
        }
        if (draft.get(PersonDraft.LINKEDIN_URL) == null) ctx.warnings.add("profile URL not found on the page");
        ParsedPerson person = draft.build();
        return new ParsedCapture(CaptureSource.LINKEDIN_PROFILE, List.of(person), List.of(), null, ctx.warnings);
    }
}
