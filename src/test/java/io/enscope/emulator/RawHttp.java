package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enscope.emulator.gateway.Signatures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Hand-built HTTP requests to the emulator over a plain socket, for what an SDK would never send:
 * tampered signatures, stale timestamps, bad encodings, odd methods and huge bodies.
 */
final class RawHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("Code").asText();
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** The common v1 parameters plus {@code params}, signed with {@code account}. */
    static Map<String, String> signedV1(String method, Account account, String action, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Action", action);
        all.put("Version", "2017-11-10");
        all.put("Format", "JSON");
        all.put("AccessKeyId", account.accessKeyId());
        all.put("SignatureMethod", "HMAC-SHA1");
        all.put("SignatureVersion", "1.0");
        all.put("SignatureNonce", UUID.randomUUID().toString());
        all.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        all.putAll(params);
        sign(method, account, all);
        return all;
    }

    static void sign(String method, Account account, Map<String, String> all) {
        all.remove("Signature");
        all.put("Signature", Signatures.v1Sign(account.accessKeySecret(), Signatures.v1StringToSign(method, all)));
    }

    static String query(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> joiner.add(Signatures.percentEncode(k) + "=" + Signatures.percentEncode(v)));
        return joiner.toString();
    }

    Response get(String rawQuery) {
        return send("GET", "/?" + rawQuery, Map.of(), new byte[0]);
    }

    Response postForm(String rawQuery, String form) {
        return send("POST", rawQuery.isEmpty() ? "/" : "/?" + rawQuery,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one request on a fresh connection and reads the whole response. */
    Response send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (!headers.containsKey("Content-Length")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the server may refuse a huge body before reading it all; its answer is still there
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new IOException("no complete HTTP response: '" + text + "'");
        }
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(split + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < body.length()) {
            int eol = body.indexOf("\r\n", pos);
            int size = Integer.parseInt(body.substring(pos, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            pos = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
