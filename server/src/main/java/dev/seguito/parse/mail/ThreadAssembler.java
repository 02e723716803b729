package dev.seguito.parse.mail;

import dev.seguito.parse.AutomatedSenders;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.EmailAddress;
import dev.seguito.parse.Names;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedMessage;
import dev.seguito.parse.ParsedPerson;
import dev.seguito.parse.PersonDraft;
import dev.seguito.parse.SignatureExtractor;
import dev.seguito.parse.SignatureFields;
import dev.seguito.parse.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps every email source shares once its messages are read: split signatures, compute stable ids, gather
 * participants into people, flag robots, and give the newest sender the fields found in their signature.
 */
final class ThreadAssembler {
    private ThreadAssembler() {
    }

    static ParsedCapture assemble(CaptureSource source, List<RawMessage> raw, String subject, List<String> warnings) {
        List<ParsedMessage> messages = new ArrayList<>();
        Map<String, PersonDraft> people = new LinkedHashMap<>();
        Set<String> robots = new HashSet<>();
        RawMessage newest = null;
        SignatureExtractor.Split newestSplit = null;
        List<RawMessage> ordered = new ArrayList<>(raw);
        // stable sort: messages without a date keep their document position relative to each other
        ordered.sort(Comparator.comparing(m -> m.sentAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (RawMessage m : ordered) {
            String senderName = m.from == null ? null : m.from.name();
            SignatureExtractor.Split split;
            if (m.signatureLines != null && !m.signatureLines.isEmpty()) {
                split = new SignatureExtractor.Split(Texts.multiline(m.newText, Texts.MAX_BODY),
                        String.join("\n", m.signatureLines), m.signatureLines);
                // the explicit signature was removed from newText already; still drop a trailing closing line
                SignatureExtractor.Split inner = SignatureExtractor.split(m.newText, senderName);
                if (inner.signature() != null && inner.signatureLines().size() <= 3) {
                    split = new SignatureExtractor.Split(inner.body(), split.signature(), split.signatureLines());
                }
            } else {
                split = SignatureExtractor.split(m.newText, senderName);
            }
            String subj = m.subject != null ? m.subject : subject;
            messages.add(new ParsedMessage(MessageIds.of(m.messageId, m.from, m.sentAt, subj), m.sentAt, m.from, m.to,
                    m.cc, Texts.field(subj), split.body(), m.bounce, m.bounced));
            if (m.from != null && (m.bulk || m.bounce)) robots.add(m.from.address());
            if (m.from != null) {
                newest = m;
                newestSplit = split;
            }
            addPerson(people, m.from);
            m.to.forEach(a -> addPerson(people, a));
            m.cc.forEach(a -> addPerson(people, a));
        }
        if (newest != null && newestSplit != null && newestSplit.signature() != null) {
            PersonDraft sender = people.get(newest.from.address());
            if (sender != null && !robots.contains(newest.from.address()) && !sender.isAutomated()) {
                SignatureFields.Fields f = SignatureFields.read(newestSplit.signatureLines(), newest.from.name(), newest.from);
                sender.offer(PersonDraft.TITLE, f.title(), 0.5);
                sender.offer(PersonDraft.COMPANY, f.company(), 0.5);
                sender.offer(PersonDraft.WEBSITE, f.website(), 0.5);
                sender.offer(PersonDraft.LINKEDIN_URL, f.linkedinUrl(), 0.8);
                sender.addPhones(f.phones(), 0.6);
            }
        }
        List<ParsedPerson> out = new ArrayList<>();
        for (Map.Entry<String, PersonDraft> e : people.entrySet()) {
            if (robots.contains(e.getKey())) e.getValue().automated(true);
            out.add(e.getValue().build());
        }
        return new ParsedCapture(source, out, messages, Texts.field(subject), warnings);
    }

    private static void addPerson(Map<String, PersonDraft> people, EmailAddress a) {
        if (a == null || a.address() == null || a.address().isEmpty()) return;
        if (a.address().startsWith("undisclosed-recipients")) return;
        PersonDraft d = people.computeIfAbsent(a.address(), k -> new PersonDraft());
        d.addEmail(a.address(), 0.95);
        String name = Names.display(a.name());
        if (name != null) d.offer(PersonDraft.FULL_NAME, name, 0.7);
        d.automated(AutomatedSenders.isAutomatedAddress(a));
    }
}
