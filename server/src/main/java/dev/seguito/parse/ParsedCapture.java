package dev.seguito.parse;

import java.util.List;

/**
 * Everything one capture yields: the people and messages of a profile or a thread, or the company of a company
 * page. Warnings explain degraded parsing without failing it.
 */
public record ParsedCapture(CaptureSource source, List<ParsedPerson> people, List<ParsedMessage> messages, String subject,
                            List<String> warnings, ParsedCompany company) {
    public ParsedCapture {
        people = List.copyOf(people);
        messages = List.copyOf(messages);
        warnings = List.copyOf(warnings);
    }

    /** A capture of people and messages. */
    public ParsedCapture(CaptureSource source, List<ParsedPerson> people, List<ParsedMessage> messages, String subject,
                         List<String> warnings) {
        this(source, people, messages, subject, warnings, null);
    }

    /** A capture of a company page. */
    public static ParsedCapture ofCompany(ParsedCompany company, List<String> warnings) {
        return new ParsedCapture(CaptureSource.LINKEDIN_COMPANY, List.of(), List.of(), null, warnings, company);
    }
}
