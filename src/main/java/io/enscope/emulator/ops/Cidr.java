package io.enscope.emulator.ops;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An IPv4 CIDR block; host addresses skip the network, the gateway (.1) and broadcast addresses. */
record Cidr(long network, int prefix) {

    static Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("/");
        if (parts.length != 2) {
            return null;
        }
        try {
            long ip = toLong(parts[0]);
            int prefix = Integer.parseInt(parts[1]);
            if (ip < 0 || prefix < 8 || prefix > 30) {
                return null;
            }
            long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return new Cidr(ip & mask, prefix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long toLong(String ip) {
        String[] octets = ip.split("\\.", -1);
        if (octets.length != 4) {
            return -1;
        }
        long value = 0;
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3) {
                return -1;
            }
            int v = Integer.parseInt(octet);
            if (v > 255) {
                return -1;
            }
            value = (value << 8) | v;
        }
        return value;
    }

    static String toText(long ip) {
        return ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
    }

    private long size() {
        return 1L << (32 - prefix);
    }

    long hostCount() {
        return size() - 3;
    }

    boolean containsHost(String ip) {
        long v;
        try {
            v = toLong(ip);
        } catch (NumberFormatException e) {
            return false;
        }
        return v >= network + 2 && v <= network + size() - 2;
    }

    /** Host addresses in ascending order, from network + 2. */
    Iterable<String> hosts() {
        return () -> new Iterator<>() {
            private long next = network + 2;

            @Override
            public boolean hasNext() {
                return next <= network + size() - 2;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return toText(next++);
            }
        };
    }
}
