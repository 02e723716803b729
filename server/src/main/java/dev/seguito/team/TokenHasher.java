package dev.seguito.team;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes and hashes secrets. Only an HMAC of a token reaches the database, so a leaked table grants nothing; the
 * HMAC key (the server's token secret) lives outside the token table.
 */
public final class TokenHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final byte[] key;

    public TokenHasher(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(normalise(token).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Pairing codes are typed by people: case and dashes must not matter. Access tokens are used as they are. */
    private static String normalise(String token) {
        String t = token.trim();
        return t.startsWith("sgt_") ? t : t.replace("-", "").toUpperCase();
    }

    public static String newAccessToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sgt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Eight characters without look-alikes (no 0/O, 1/I), shown as ABCD-EFGH: 40 bits, single-use, short-lived. */
    public static String newPairingCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
