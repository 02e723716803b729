package dev.seguito.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AutomatedSendersTest {
    @Test
    void robotAddressesAreAutomated() {
        for (String a : new String[] {"no-reply@acme.com", "noreply@github.com", "notifications@linear.app",
                "MAILER-DAEMON@mx.acme.com", "postmaster@acme.com", "do_not_reply@bank.example", "reply+abc123@reply.github.com",
                "bounces+123@em.acme.com", "team-noreply@acme.com"}) {
            assertTrue(AutomatedSenders.isAutomatedAddress(EmailAddress.of(null, a)), a);
        }
    }

    @Test
    void peopleAndSharedInboxesAreNotAutomated() {
        for (String a : new String[] {"anna.keller@brightloop.de", "info@smallshop.it", "sales@acme.com", "nora@newsroom.example"}) {
            assertFalse(AutomatedSenders.isAutomatedAddress(EmailAddress.of("Someone", a)), a);
        }
    }

    @Test
    void listAndBulkHeadersMarkAMessageAsBulk() {
        assertTrue(AutomatedSenders.isBulkMessage(Map.of("list-unsubscribe", "<https://x/u>")));
        assertTrue(AutomatedSenders.isBulkMessage(Map.of("precedence", "bulk")));
        assertTrue(AutomatedSenders.isBulkMessage(Map.of("auto-submitted", "auto-replied")));
        assertFalse(AutomatedSenders.isBulkMessage(Map.of("auto-submitted", "no", "subject", "hi")));
    }
}
