package ai.evo.core.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IP address or CIDR range, such as {@code 10.0.0.7}, {@code 10.0.0.0/8} or {@code fd00::/8}.
 *
 * @param network      the network address
 * @param prefixLength the number of leading bits that must match, which is the full width for a single address
 */
record IpRange(InetAddress network, int prefixLength) {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    IpRange {
        Objects.requireNonNull(network, "network");
    }

    /**
     * Parses an address or CIDR range.
     *
     * @param text the text, for example {@code 192.168.0.0/16}
     * @return the range
     * @throws IllegalArgumentException when the text is neither
     */
    static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = parseLiteral(address).orElseThrow(() -> new IllegalArgumentException(
                "trusted proxy " + text + " is not an IP address or CIDR range such as 10.0.0.0/8"));
        int width = network.getAddress().length * 8;
        int prefix = width;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            prefix = prefixText.matches("[0-9]{1,3}") ? Integer.parseInt(prefixText) : -1;
            if (prefix < 0 || prefix > width) {
                throw new IllegalArgumentException("trusted proxy " + text + " has an invalid prefix length; use 0 to "
                        + width + " for this address family");
            }
        }
        return new IpRange(network, prefix);
    }

    /**
     * Parses an IP address literal without any DNS lookup.
     *
     * @param text an IPv4 or IPv6 address, optionally in brackets
     * @return the address, or empty when the text is not an address literal
     */
    static Optional<InetAddress> parseLiteral(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (IPV4.matcher(candidate).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = candidate.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return byAddress(bytes);
        }
        if (candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches()) {
            try {
                // InetAddress parses a string containing ':' as an IPv6 literal and never resolves it via DNS.
                return Optional.of(InetAddress.getByName(candidate));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Tells whether an address lies in this range. Addresses of the other family never do. */
    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] expected = network.getAddress();
        if (candidate.length != expected.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != expected[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (expected[fullBytes] & mask);
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
