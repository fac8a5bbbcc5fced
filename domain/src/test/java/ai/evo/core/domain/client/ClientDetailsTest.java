package ai.evo.core.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

class ClientDetailsTest {

    @Test
    void ofNormalizesEmailAndTrimsName() {
        ClientDetails details = ClientDetails.of("  Acme São Paulo ", "Ops@Acme.Test");

        assertThat(details.name()).isEqualTo("Acme São Paulo");
        assertThat(details.email().value()).isEqualTo("ops@acme.test");
    }

    @Test
    void ofReportsEveryInvalidField() {
        assertThatThrownBy(() -> ClientDetails.of("nul\u0000name", "not-an-email"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("name", "email"));
    }

    @Test
    void ofRejectsMissingFields() {
        assertThatThrownBy(() -> ClientDetails.of(null, null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).hasSize(2));
    }

    @Test
    void ofRejectsNameLongerThan255() {
        assertThatThrownBy(() -> ClientDetails.of("n".repeat(256), "a@b.test")).isInstanceOf(ValidationException.class);
    }
}
