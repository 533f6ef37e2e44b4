package io.enscope.emulator.gateway;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The two Alibaba Cloud request signatures, as ens-api.md §5 describes them: v1 (HMAC-SHA1 over
 * the sorted, percent-encoded parameters; key = secret + "&") and v3 (ACS3-HMAC-SHA256 over a
 * canonical request; key = secret). Used by the gateway to verify and by tests to sign.
 */
public final class Signatures {
    public static final String V3_ALGORITHM = "ACS3-HMAC-SHA256";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private Signatures() {
    }

    /** RFC 3986 percent-encoding as Alibaba's AcsURLEncoder does it: only A-Z a-z 0-9 - _ . ~ stay. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** The v1 canonicalized query: every parameter but {@code Signature}, sorted by name. */
    public static String v1CanonicalQuery(Map<String, String> params) {
        SortedMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Signature");
        StringJoiner joiner = new StringJoiner("&");
        sorted.forEach((k, v) -> joiner.add(percentEncode(k) + "=" + percentEncode(v)));
        return joiner.toString();
    }

    /** {@code METHOD&%2F&percentEncode(canonicalQuery)}. */
    public static String v1StringToSign(String method, Map<String, String> params) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(v1CanonicalQuery(params));
    }

    /** Base64(HMAC-SHA1(secret + "&", stringToSign)). */
    public static String v1Sign(String secret, String stringToSign) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", (secret + "&").getBytes(StandardCharsets.UTF_8),
                stringToSign));
    }

    /** The v3 canonical query: percent-encoded, sorted {@code k=v} pairs, {@code k=} for empty values. */
    public static String v3CanonicalQuery(Map<String, String> query) {
        SortedMap<String, String> sorted = new TreeMap<>();
        query.forEach((k, v) -> sorted.put(percentEncode(k), v == null ? "" : percentEncode(v)));
        StringJoiner joiner = new StringJoiner("&");
        sorted.forEach((k, v) -> joiner.add(k + "=" + v));
        return joiner.toString();
    }

    /**
     * The v3 canonical request.
     *
     * @param headers       lower-case header names to trimmed values, for every signed header
     * @param signedHeaders the signed header names, lower case, sorted
     */
    public static String v3CanonicalRequest(String method, String uri, Map<String, String> query,
                                            Map<String, String> headers, List<String> signedHeaders,
                                            String hashedPayload) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            canonicalHeaders.append(name).append(':').append(headers.getOrDefault(name, "").trim()).append('\n');
        }
        return method + "\n" + uri + "\n" + v3CanonicalQuery(query) + "\n" + canonicalHeaders + "\n"
                + String.join(";", signedHeaders) + "\n" + hashedPayload;
    }

    /** {@code ACS3-HMAC-SHA256\n} + hex(SHA256(canonicalRequest)). */
    public static String v3StringToSign(String canonicalRequest) {
        return V3_ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** hex(HMAC-SHA256(secret, stringToSign)). */
    public static String v3Sign(String secret, String stringToSign) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares two signatures in constant time, so timing does not reveal how much matched. */
    public static boolean equalsConstantTime(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
