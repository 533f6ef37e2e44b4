package io.enscope.emulator.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers signature nonces for longer than the timestamp window, so a replayed request is
 * refused as {@code SignatureNonceUsed} while it is still fresh and as expired afterwards.
 * It holds a bounded number of them: past the bound new requests are refused, not remembered, so
 * a flood of calls cannot exhaust the heap.
 */
final class NonceCache {
    /** With nonces of at most {@link Gateway#MAX_NONCE_LENGTH} characters, some tens of MiB at most. */
    static final int DEFAULT_MAX_ENTRIES = 100_000;
    private static final long KEEP_MILLIS = 20 * 60 * 1000L;
    private static final int PURGE_EVERY = 4096;

    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final int maxEntries;
    private int sincePurge;

    NonceCache() {
        this(DEFAULT_MAX_ENTRIES);
    }

    NonceCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * True the first time {@code nonce} is used by {@code accessKeyId}.
     *
     * @throws ApiException {@code ServiceUnavailable} when the cache is full of nonces still fresh
     */
    boolean firstUse(String accessKeyId, String nonce, long nowMillis) {
        synchronized (this) {
            if (++sincePurge >= PURGE_EVERY || seen.size() >= maxEntries) {
                sincePurge = 0;
                seen.values().removeIf(t -> nowMillis - t > KEEP_MILLIS);
            }
            if (seen.size() >= maxEntries) {
                throw new ApiException(503, "ServiceUnavailable", "The emulator holds the most signature nonces it"
                        + " keeps (" + maxEntries + " within 20 minutes); retry later.");
            }
        }
        return seen.putIfAbsent(accessKeyId + '\n' + nonce, nowMillis) == null;
    }

    /** The nonces still remembered at {@code nowMillis}, for the state file. */
    List<UsedNonce> snapshot(long nowMillis) {
        List<UsedNonce> used = new ArrayList<>();
        seen.forEach((key, at) -> {
            int split = key.indexOf('\n');
            if (nowMillis - at <= KEEP_MILLIS && split > 0) {
                used.add(new UsedNonce(key.substring(0, split), key.substring(split + 1), at));
            }
        });
        return used;
    }

    /** Remembers nonces of a {@link #snapshot} again, but those that have expired by {@code nowMillis}. */
    void restore(Collection<UsedNonce> used, long nowMillis) {
        for (UsedNonce u : used) {
            if (nowMillis - u.usedAtMillis() <= KEEP_MILLIS) {
                seen.putIfAbsent(u.accessKeyId() + '\n' + u.nonce(), u.usedAtMillis());
            }
        }
    }
}
