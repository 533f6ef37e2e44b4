package io.enscope.emulator.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers signature nonces for longer than the timestamp window, so a replayed request is
 * refused as {@code SignatureNonceUsed} while it is still fresh and as expired afterwards.
 */
final class NonceCache {
    private static final long KEEP_MILLIS = 20 * 60 * 1000L;
    private static final int PURGE_EVERY = 4096;

    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private int sincePurge;

    /** True the first time {@code nonce} is used by {@code accessKeyId}. */
    boolean firstUse(String accessKeyId, String nonce, long nowMillis) {
        synchronized (this) {
            if (++sincePurge >= PURGE_EVERY) {
                sincePurge = 0;
                seen.values().removeIf(t -> nowMillis - t > KEEP_MILLIS);
            }
        }
        return seen.putIfAbsent(accessKeyId + '\n' + nonce, nowMillis) == null;
    }
}
