package io.enscope.ens;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends one signed ENS request and hands back the raw answer, whatever its status. Failures
 * without an answer (network, credentials) are thrown as {@link EnsException}.
 */
interface Transport extends AutoCloseable {

    /**
     * @param operation the operation
     * @param params    the operation parameters (the common ones are added by the transport)
     * @return the answer
     */
    RawResponse send(EnsOperation operation, Map<String, String> params);

    @Override
    void close();

    /**
     * An HTTP answer.
     *
     * @param status  the HTTP status
     * @param body    the body bytes, never null
     * @param headers the headers, names compared case-insensitively
     */
    record RawResponse(int status, byte[] body, Map<String, String> headers) {

        /** Copies the headers into a case-insensitive map. */
        public RawResponse {
            body = body == null ? new byte[0] : body;
            TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers != null) {
                headers.forEach((name, value) -> {
                    if (name != null && value != null) {
                        copy.put(name, value);
                    }
                });
            }
            headers = Collections.unmodifiableMap(copy);
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
