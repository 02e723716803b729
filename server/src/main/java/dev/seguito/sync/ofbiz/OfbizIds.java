package dev.seguito.sync.ofbiz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Stable OFBiz ids derived from Seguito's ids, so a retried delivery addresses the same party or communication event
 * instead of creating a second one. OFBiz ids ({@code id} type) are VARCHAR(20), and so is {@code Party.externalId}:
 * every id here is {@code "SG"} + 18 base32 characters (90 bits of SHA-256 over a kind-prefixed key), 20 in all.
 */
public final class OfbizIds {

    /** Length of every generated id; equals OFBiz's {@code id} field length. */
    public static final int LENGTH = 20;
    private static final String PREFIX = "SG";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private OfbizIds() {
    }

    /** Party id (and Party.externalId) of a Seguito contact. */
    public static String contactParty(String contactExternalId) {
        return derive("contact:" + contactExternalId.trim().toLowerCase(Locale.ROOT));
    }

    /** Party id of a company, keyed by its normalised name (one OFBiz instance serves one team). */
    public static String companyParty(String companyName) {
        return derive("company:" + normaliseName(companyName));
    }

    /** CommunicationEvent id of a Seguito interaction. */
    public static String communicationEvent(String interactionExternalId) {
        return derive("interaction:" + interactionExternalId.trim().toLowerCase(Locale.ROOT));
    }

    /** SeguitoCaptureSource id of one capture of one contact. */
    public static String captureSource(String captureId, String contactExternalId) {
        return derive("capture:" + captureId.trim().toLowerCase(Locale.ROOT) + ":"
                + contactExternalId.trim().toLowerCase(Locale.ROOT));
    }

    static String normaliseName(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String derive(String key) {
        byte[] hash = sha256(key.getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder(LENGTH).append(PREFIX);
        int bits = 0;
        int buffer = 0;
        int index = 0;
        while (id.length() < LENGTH) {
            if (bits < 5) {
                buffer = (buffer << 8) | (hash[index++] & 0xff);
                bits += 8;
            }
            id.append(BASE32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return id.toString();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
