package dev.seguito.parse;

import java.util.Locale;

/** A mailbox as seen in a header or webmail chip. The address is lowercased so it can be used as a key. */
public record EmailAddress(String name, String address) {
    public EmailAddress {
        address = address == null ? null : address.trim().toLowerCase(Locale.ROOT);
        name = Texts.field(name);
        // a display name that merely repeats the address carries no information
        if (name != null && (name.equalsIgnoreCase(address) || name.replace("'", "").replace("\"", "").equalsIgnoreCase(address))) name = null;
    }

    public static EmailAddress of(String name, String address) {
        return new EmailAddress(name, address);
    }

    public String domain() {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    public String localPart() {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? (address == null ? "" : address) : address.substring(0, at);
    }
}
