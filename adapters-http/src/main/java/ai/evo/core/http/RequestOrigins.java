package ai.evo.core.http;

import ai.evo.core.domain.audit.RequestOrigin;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the client address and user agent of a request for the audit log.
 *
 * <p>The address is the socket peer. Only when the peer is a trusted proxy is {@code X-Forwarded-For} read:
 * its entries are walked from the right (the hop nearest to this service), trusted proxies are skipped, and the
 * first untrusted address is the client. When every entry is trusted the leftmost one is used. An entry that is
 * not an IP address stops the walk, and the last trusted hop is used, because whatever is left of it was written
 * by an untrusted party. Javalin's own {@code ctx.ip()} believes the header from anyone, so it is not used.
 * Thread-safe.
 */
final class RequestOrigins {
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpRange> trustedProxies;

    /**
     * Creates the resolver.
     *
     * @param trustedProxies addresses or CIDR ranges of trusted reverse proxies
     * @throws IllegalArgumentException when an entry is not an address or range
     */
    RequestOrigins(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpRange::parse).toList();
    }

    /** Returns the client address and user agent of a request. */
    RequestOrigin originOf(Context ctx) {
        return new RequestOrigin(clientAddress(ctx.req().getRemoteAddr(), forwardedFor(ctx)), ctx.userAgent());
    }

    /**
     * Finds the client address.
     *
     * @param peer         the socket peer address
     * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
     * @return the client address
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = IpRange.parseLiteral(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    hops.add(entry.strip());
                }
            }
        }
        InetAddress nearestTrusted = peerAddress.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.parseLiteral(hops.get(i));
            if (hop.isEmpty()) {
                return nearestTrusted.getHostAddress();
            }
            if (!isTrusted(hop.get())) {
                return hop.get().getHostAddress();
            }
            nearestTrusted = hop.get();
        }
        return nearestTrusted.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> forwardedFor(Context ctx) {
        Enumeration<String> headers = ctx.req().getHeaders(FORWARDED_FOR);
        return headers == null ? List.of() : Collections.list(headers);
    }
}
