package ai.evo.core.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretValuesTest {

    @Test
    void maskShowsLastFourCharacters() {
        assertThat(SecretValues.masked(Map.of("TOKEN", "tok-test-BBBBBBBB"))).containsEntry("TOKEN", "****BBBB");
    }

    @Test
    void mergeKeepsOmittedAndMaskedValues() {
        Map<String, Object> stored = Map.of("A", "secret-aaaa-1111", "B", "secret-bbbb-2222");

        Map<String, Object> merged = SecretValues.merge(stored, Map.of("A", "****1111"));

        assertThat(merged).containsEntry("A", "secret-aaaa-1111").containsEntry("B", "secret-bbbb-2222");
    }

    @Test
    void mergeRemovesNullAndReplacesNewValue() {
        Map<String, Object> stored = Map.of("A", "secret-aaaa-1111", "B", "secret-bbbb-2222");
        Map<String, Object> incoming = new HashMap<>();
        incoming.put("A", null);
        incoming.put("B", "replacement-3333");

        Map<String, Object> merged = SecretValues.merge(stored, incoming);

        assertThat(merged).doesNotContainKey("A").containsEntry("B", "replacement-3333");
    }

    @Test
    void checkRejectsUnmatchedMask() {
        Validator validator = new Validator();

        assertThat(SecretValues.check(validator, "envs.A", "****9999")).isNull();
        assertThat(validator.isValid()).isFalse();
    }

    @Test
    void entityTagRoundTripsThroughHeader() {
        EntityTag tag = new EntityTag(java.time.Instant.parse("2026-03-01T10:00:00.123456Z"));

        assertThat(EntityTag.parse(tag.header())).contains(tag);
        assertThat(EntityTag.parse("W/" + tag.header())).contains(tag);
        assertThat(EntityTag.parse("\"garbage\"")).isEmpty();
    }
}
