package io.enscope.emulator.scenario;

import java.nio.charset.StandardCharsets;

/**
 * A small deterministic generator (SplitMix64) for scenario data.
 *
 * <p>Written out here rather than taken from {@code java.util} because its output is fixed by
 * this code alone: a seed gives the same scenario on every JDK, so a scenario named by its seed
 * in a bug report can be rebuilt exactly. It is also allocation-free and fast, which matters
 * for the large scenario.
 */
final class Rng {
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Length of the random part of every id, as in ENS ids such as {@code n-} + 20 characters. */
    static final int ID_LENGTH = 20;

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A generator seeded from a text key, so an id derived from a name never changes when other data does. */
    static Rng forKey(String key) {
        // FNV-1a over the UTF-8 bytes: stable across JDKs, unlike String.hashCode's 32 bits being too few.
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new Rng(h);
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound); the modulo bias is far below anything a scenario could show. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** {@code prefix} followed by {@value #ID_LENGTH} lowercase letters and digits. */
    String id(String prefix) {
        char[] out = new char[prefix.length() + ID_LENGTH];
        prefix.getChars(0, prefix.length(), out, 0);
        int pos = prefix.length();
        // 36^10 < 2^63, so one non-negative long yields ten independent base-36 digits.
        for (int half = 0; half < 2; half++) {
            long bits = nextLong() >>> 1;
            for (int i = 0; i < ID_LENGTH / 2; i++) {
                out[pos++] = ALNUM[(int) (bits % ALNUM.length)];
                bits /= ALNUM.length;
            }
        }
        return new String(out);
    }

    /** A MAC address in Alibaba Cloud's OUI {@code 00:16:3e}, as ENS assigns them. */
    String mac() {
        long bits = nextLong();
        char[] out = "00:16:3e:00:00:00".toCharArray();
        for (int octet = 0; octet < 3; octet++) {
            int v = (int) (bits >>> (octet * 8)) & 0xff;
            out[9 + octet * 3] = HEX[v >>> 4];
            out[10 + octet * 3] = HEX[v & 0xf];
        }
        return new String(out);
    }
}
