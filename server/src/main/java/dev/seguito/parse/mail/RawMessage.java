package dev.seguito.parse.mail;

import dev.seguito.parse.EmailAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A message as read by one of the source-specific readers, before the shared steps (signature split, people,
 * automated flags). {@code newText} is already free of quotes; {@code signatureLines} is set when the source marks
 * the signature explicitly (Gmail's {@code gmail_signature}).
 */
final class RawMessage {
    String messageId;
    Instant sentAt;
    EmailAddress from;
    final List<EmailAddress> to = new ArrayList<>();
    final List<EmailAddress> cc = new ArrayList<>();
    String subject;
    String newText;
    List<String> signatureLines;
    boolean bulk;
    boolean bounce;
    final List<String> bounced = new ArrayList<>();
}
