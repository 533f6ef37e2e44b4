package io.enscope.emulator;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * An emulator account: an AccessKey pair, either admin or read-only (read-only keys get
 * {@code NoPermission} on every write). {@link #toString()} never shows the secret.
 */
public record Account(String accessKeyId, String accessKeySecret, boolean readOnly) {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Account {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        if (accessKeyId.isBlank() || accessKeySecret.isBlank()) {
            throw new IllegalArgumentException("AccessKeyId and AccessKeySecret must not be blank");
        }
    }

    /** Parses {@code ID:SECRET} as given on the command line. */
    public static Account parse(String idColonSecret, boolean readOnly) {
        int colon = idColonSecret.indexOf(':');
        if (colon <= 0 || colon == idColonSecret.length() - 1) {
            throw new IllegalArgumentException("an access key must be given as ID:SECRET");
        }
        return new Account(idColonSecret.substring(0, colon), idColonSecret.substring(colon + 1), readOnly);
    }

    /** A fresh random key pair, shaped like Alibaba Cloud keys ({@code LTAI…}, 30-character secret). */
    public static Account generate(boolean readOnly) {
        return new Account("LTAI" + randomText(20), randomText(30), readOnly);
    }

    private static String randomText(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Account[accessKeyId=" + accessKeyId + ", readOnly=" + readOnly + ", accessKeySecret=****]";
    }
}
