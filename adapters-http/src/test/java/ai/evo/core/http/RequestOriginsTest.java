package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestOriginsTest {
    private final RequestOrigins behindProxies = new RequestOrigins(Set.of("10.0.0.5", "192.168.0.0/16", "fd00::/8"));

    @Test
    void untrustedPeerIgnoresForwardedFor() {
        RequestOrigins noProxies = new RequestOrigins(Set.of());

        assertThat(noProxies.clientAddress("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientAddress("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void trustedPeerUsesLastUntrustedHop() {
        assertThat(behindProxies.clientAddress("10.0.0.5", List.of("6.6.6.6, 198.51.100.7, 192.168.1.20")))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.clientAddress("10.0.0.5", List.of("6.6.6.6", "198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void trustedPeerWithoutHeaderUsesPeer() {
        assertThat(behindProxies.clientAddress("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void allTrustedHopsUseLeftmost() {
        assertThat(behindProxies.clientAddress("10.0.0.5", List.of("192.168.7.7, 192.168.1.1")))
                .isEqualTo("192.168.7.7");
    }

    @Test
    void invalidHopStopsAtNearestTrusted() {
        assertThat(behindProxies.clientAddress("10.0.0.5", List.of("198.51.100.7, evil.example, 192.168.1.1")))
                .isEqualTo("192.168.1.1");
        assertThat(behindProxies.clientAddress("10.0.0.5", List.of("<script>")))
                .isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6RangesMatch() {
        assertThat(behindProxies.clientAddress("fd12::1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behindProxies.clientAddress("2001:db8::1", List.of("198.51.100.7")))
                .isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void cidrBoundariesAreExact() {
        IpRange range = IpRange.parse("192.168.4.0/22");

        assertThat(range.contains(IpRange.parseLiteral("192.168.7.255").orElseThrow())).isTrue();
        assertThat(range.contains(IpRange.parseLiteral("192.168.8.0").orElseThrow())).isFalse();
        assertThat(range.contains(IpRange.parseLiteral("192.168.3.255").orElseThrow())).isFalse();
        assertThat(range.contains(IpRange.parseLiteral("::1").orElseThrow())).isFalse();
    }

    @Test
    void literalParsingRejectsHostNamesAndJunk() {
        for (String text : List.of("localhost", "example.com", "256.1.1.1", "1.2.3", "1.2.3.4:80", "::1%lo", "", " ")) {
            assertThat(IpRange.parseLiteral(text)).as("text %s", text).isEmpty();
        }
    }

    @Test
    void invalidTrustedProxyIsRejected() {
        assertThatThrownBy(() -> new RequestOrigins(Set.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new RequestOrigins(Set.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix length");
    }
}
