package ai.evo.core.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.common.Validator;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static boolean accepts(String password) {
        Validator validator = new Validator();
        PasswordPolicy.DEFAULT.check(validator, "password", password);
        return validator.isValid();
    }

    @Test
    void acceptsFifteenCharacters() {
        assertThat(accepts("correct horse b")).isTrue();
    }

    @Test
    void rejectsFourteenCharacters() {
        assertThat(accepts("correct horse ")).isFalse();
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(accepts("é".repeat(15))).isTrue();
    }

    @Test
    void rejectsLongerThanMaximum() {
        assertThat(accepts("a".repeat(1025))).isFalse();
        assertThat(accepts("a".repeat(1024))).isTrue();
    }

    @Test
    void rejectsMissingAndNul() {
        assertThat(accepts(null)).isFalse();
        assertThat(accepts("long enough pass\u0000word")).isFalse();
    }
}
