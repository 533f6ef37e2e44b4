package io.enscope.emulator.gateway;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** One HTTP exchange as the gateway sees it, independent of the server that carries it. */
public interface HttpCall {
    String method();

    /** The path as sent, not decoded. */
    String rawPath();

    /** The query string as sent, not decoded; {@code null} when absent. */
    String rawQuery();

    /** The first value of a header (names are case-insensitive), or {@code null}. */
    String header(String name);

    /** Every value of a header, or {@code null} when absent. */
    List<String> headers(String name);

    InputStream body();

    /** Sends the one response of this call. */
    void respond(int status, Map<String, String> headers, byte[] body);

    /** Closes the connection without any response, as a network failure would. */
    void drop();
}
