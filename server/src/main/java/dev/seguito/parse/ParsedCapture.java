package dev.seguito.parse;

import java.util.List;

/** Everything one capture yields. Warnings explain degraded parsing without failing it. */
public record ParsedCapture(CaptureSource source, List<ParsedPerson> people, List<ParsedMessage> messages, String subject,
                            List<String> warnings) {
    public ParsedCapture {
        people = List.copyOf(people);
        messages = List.copyOf(messages);
        warnings = List.copyOf(warnings);
    }
}
