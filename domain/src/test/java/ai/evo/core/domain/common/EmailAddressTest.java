package ai.evo.core.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void parseTrimsAndLowerCases() {
        EmailAddress address = EmailAddress.parse("email", "  User3@Example.TEST ");

        assertThat(address.value()).isEqualTo("user3@example.test");
        assertThat(address.localPart()).isEqualTo("user3");
    }

    @Test
    void differentCaseGivesEqualAddresses() {
        assertThat(EmailAddress.parse("email", "USER4@example.test"))
                .isEqualTo(EmailAddress.parse("email", "user4@Example.Test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "no-at-sign", "@example.test", "user@", "a@b@c.test", "user@.test",
            "user@example.", "user@exa..mple", "us er@example.test", "user\u0000@example.test", "user\u0001@x.test"})
    void parseRejectsMalformed(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse("email", raw))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("email"));
    }

    @Test
    void parseRejectsOverlongAddress() {
        String local = "a".repeat(250);

        assertThatThrownBy(() -> EmailAddress.parse("email", local + "@example.test"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void constructorRejectsUnnormalizedValue() {
        assertThatThrownBy(() -> new EmailAddress("User@example.test")).isInstanceOf(ValidationException.class);
    }
}
