package dev.seguito.parse;

import java.time.Instant;
import java.util.List;

/**
 * One message of a thread. {@code replyText} is only what the sender wrote this time: quotes, forwards and the
 * signature are removed so that the timeline shows new words only. Direction is left to the server, which knows the
 * team's addresses.
 */
public record ParsedMessage(String messageId, Instant sentAt, EmailAddress from, List<EmailAddress> to,
                            List<EmailAddress> cc, String subject, String replyText, boolean bounce,
                            List<String> bouncedAddresses) {
    public ParsedMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bouncedAddresses = List.copyOf(bouncedAddresses);
    }
}
