package dev.seguito.parse.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labels webmail prints before a message's header fields, in the reader's language: Outlook's quoted headers
 * and reading pane ("Da:", "Von:", "De :", "Inviato:", "Oggetto:"), Gmail's expanded details ("da:", "An:", "cci :").
 * Read in English, Italian, German, French, Spanish, Portuguese and Dutch.
 */
final class HeaderLabels {

    private static final Map<String, String> NAMES = names();

    private HeaderLabels() {
    }

    /**
     * The English name of a label ("from", "to", "cc", "sent", "date", "subject"; blind copies are "cc"), whatever
     * language it is in, with or without its colon; "" for a word that is no label.
     */
    static String nameOf(String label) {
        String word = label.strip().replaceFirst("\\s*:$", "").toLowerCase(Locale.ROOT);
        return NAMES.getOrDefault(word, "");
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (String from : List.of("from", "da", "von", "de", "van")) names.put(from, "from");
        for (String sent : List.of("sent", "inviato", "gesendet", "envoy\u00e9", "enviado", "enviada", "verzonden")) {
            names.put(sent, "sent");
        }
        for (String date : List.of("date", "data", "datum")) names.put(date, "date");
        for (String to : List.of("to", "a", "an", "\u00e0", "para", "aan")) names.put(to, "to");
        for (String cc : List.of("cc", "bcc", "ccn", "cci", "cco")) names.put(cc, "cc");
        for (String subject : List.of("subject", "oggetto", "betreff", "objet", "asunto", "assunto", "onderwerp")) {
            names.put(subject, "subject");
        }
        return Map.copyOf(names);
    }
}
