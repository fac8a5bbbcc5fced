package ai.evo.core.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void acceptsControlCharactersOtherThanNul() {
        assertThat(StorableText.problem("a\u0001b\tc\n")).isEmpty();
    }

    @Test
    void acceptsSurrogatePairs() {
        assertThat(StorableText.problem("emoji \uD83D\uDE00 and 日本")).isEmpty();
    }

    @Test
    void rejectsNul() {
        assertThat(StorableText.problem("a\u0000b")).hasValueSatisfying(m -> assertThat(m).contains("U+0000"));
    }

    @Test
    void rejectsLoneHighSurrogate() {
        assertThat(StorableText.problem("x\uD800")).hasValueSatisfying(m -> assertThat(m).contains("D800"));
    }

    @Test
    void rejectsLoneLowSurrogate() {
        assertThat(StorableText.problem("\uDC00x")).isPresent();
    }

    @Test
    void requiredReportsMissingBlankAndTooLong() {
        Validator validator = new Validator();

        StorableText.required(validator, "a", null, 10);
        StorableText.required(validator, "b", "  ", 10);
        StorableText.required(validator, "c", "x".repeat(11), 10);

        assertThatThrownBy(validator::throwIfInvalid)
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("a", "b", "c"));
    }

    @Test
    void lengthCountsCodePoints() {
        Validator validator = new Validator();

        StorableText.required(validator, "name", "\uD83D\uDE00".repeat(10), 10);

        assertThat(validator.isValid()).isTrue();
    }

    @Test
    void jsonNamesNestedPathsOfBadKeysAndValues() {
        Validator validator = new Validator();
        Map<String, Object> json = Map.of("list", List.of("ok", Map.of("note", "a\u0000b")), "k\u0000", "v");

        StorableText.json(validator, "meta", json);

        assertThatThrownBy(validator::throwIfInvalid)
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("meta.list[1].note", "meta.k\u0000"));
    }
}
