package ai.evo.core.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {
    private static final CommonPasswords DICTIONARY =
            password -> Set.of("qwertyuiopasdfgh").contains(password.toLowerCase(Locale.ROOT));
    private static final PasswordRules RULES = new PasswordRules(PasswordPolicy.DEFAULT, DICTIONARY);
    private static final EmailAddress EMAIL = EmailAddress.parse("email", "Jonathan.Appleseed@example.test");

    private static List<FieldError> errors(String password) {
        Validator validator = new Validator();
        RULES.check(validator, "password", password, EMAIL, "Appleseed Orchards");
        try {
            validator.throwIfInvalid();
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    @Test
    void acceptsLongUnrelatedPassphrase() {
        assertThat(errors("seven purple ducks")).isEmpty();
    }

    @Test
    void rejectsDictionaryPasswordInAnyCase() {
        assertThat(errors("QwertyuiopASDFGH")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("commonly used"));
    }

    @Test
    void rejectsEmailAndLocalPart() {
        assertThat(errors("JONATHAN.APPLESEED")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("email address"));
        assertThat(errors("jonathan.appleseed@example.test")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("email address"));
    }

    @Test
    void rejectsClientName() {
        assertThat(errors(" appleseed orchards ")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("organization's name"));
    }

    @Test
    void lengthErrorsComeAlone() {
        assertThat(errors("short")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("at least 15 characters"));
    }

    @Test
    void countsWholePasswordBeyondSeventyTwoBytes() {
        assertThat(errors("Ab1!".repeat(25))).isEmpty();
        assertThat(errors("é".repeat(36))).isEmpty();
        assertThat(errors("\uD83D\uDE00".repeat(19))).isEmpty();
    }
}
