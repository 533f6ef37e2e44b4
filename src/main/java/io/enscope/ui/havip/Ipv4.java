package io.enscope.ui.havip;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Dotted IPv4 addresses and CIDR blocks, as the console reads and orders them: {@code 10.0.0.9}
 * sorts before {@code 10.0.0.10}, and a host of a VSwitch is any address of its block except the
 * network address, the gateway (the first address) and the broadcast address, as ENS reserves them.
 */
public final class Ipv4 {
    private static final Pattern DOTTED = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** Orders texts numerically when both are addresses; addresses first, then other texts, then nulls. */
    public static final Comparator<String> ORDER = Ipv4::compare;

    private Ipv4() {
    }

    /**
     * @param text a dotted address such as {@code 10.0.0.1}, may be null
     * @return its 32 bits, empty when the text is not an address (no leading zeros, no blanks)
     */
    public static OptionalLong parse(String text) {
        if (text == null || !DOTTED.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (String octet : text.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return OptionalLong.of(value);
    }

    /** @return whether {@code text} is a dotted IPv4 address */
    public static boolean isAddress(String text) {
        return parse(text).isPresent();
    }

    /** @return the dotted text of 32 bits */
    public static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }

    /** Numeric order for addresses; see {@link #ORDER}. */
    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        OptionalLong x = parse(a);
        OptionalLong y = parse(b);
        if (x.isPresent() && y.isPresent()) {
            return Long.compare(x.getAsLong(), y.getAsLong());
        }
        if (x.isPresent() != y.isPresent()) {
            return x.isPresent() ? -1 : 1;
        }
        return a.compareToIgnoreCase(b);
    }

    /**
     * An IPv4 block such as {@code 10.10.1.0/24}.
     *
     * @param network the network address (host bits cleared)
     * @param prefix  the prefix length, 0–32
     */
    public record Cidr(long network, int prefix) {

        /**
         * @param text {@code a.b.c.d/n}, may be null
         * @return the block, empty when the text is not one
         */
        public static Optional<Cidr> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String[] parts = text.trim().split("/");
            if (parts.length != 2 || !parts[1].matches("\\d{1,2}")) {
                return Optional.empty();
            }
            OptionalLong address = Ipv4.parse(parts[0]);
            int prefix = Integer.parseInt(parts[1]);
            if (address.isEmpty() || prefix > 32) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(address.getAsLong() & mask(prefix), prefix));
        }

        private static long mask(int prefix) {
            return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        }

        private long size() {
            return 1L << (32 - prefix);
        }

        /** @return the first address a HaVip may take: after the network address and the gateway */
        public long firstHost() {
            return network + 2;
        }

        /** @return the last address a HaVip may take: before the broadcast address */
        public long lastHost() {
            return network + size() - 2;
        }

        /** @return whether the block has room for a HaVip at all (a /30 or larger) */
        public boolean hasHosts() {
            return firstHost() <= lastHost();
        }

        /** @return whether {@code address} lies in the block at all */
        public boolean contains(long address) {
            return (address & mask(prefix)) == network;
        }

        /** @return whether {@code address} is one a HaVip of this block may take */
        public boolean isHost(long address) {
            return address >= firstHost() && address <= lastHost();
        }

        @Override
        public String toString() {
            return format(network) + "/" + prefix;
        }
    }
}
