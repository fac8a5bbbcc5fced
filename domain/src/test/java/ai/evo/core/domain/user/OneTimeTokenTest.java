package ai.evo.core.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeTokenTest {

    @Test
    void tokenCarries256BitsInBase64Url() {
        OneTimeToken token = OneTimeToken.generate();

        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(token.hash()).matches("[0-9a-f]{64}");
        assertThat(OneTimeToken.hashOf(token.value())).contains(token.hash());
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(OneTimeToken.generate().value())).isTrue();
        }
    }

    @Test
    void changedCaseHashesDifferently() {
        OneTimeToken token = OneTimeToken.generate();
        String upper = token.value().toUpperCase();

        assertThat(OneTimeToken.hashOf(upper)).isNotEqualTo(OneTimeToken.hashOf(token.value()));
    }

    @Test
    void malformedInputIsNoToken() {
        assertThat(OneTimeToken.hashOf(null)).isEmpty();
        assertThat(OneTimeToken.hashOf("")).isEmpty();
        assertThat(OneTimeToken.hashOf("a".repeat(42))).isEmpty();
        assertThat(OneTimeToken.hashOf("a".repeat(44))).isEmpty();
        assertThat(OneTimeToken.hashOf("a".repeat(42) + "=")).isEmpty();
    }

    @Test
    void textFormHidesTokenValue() {
        OneTimeToken token = OneTimeToken.generate();

        assertThat(token.toString()).doesNotContain(token.value());
    }
}
