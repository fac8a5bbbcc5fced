package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ValidationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
    private static final List<String> ACCEPTED = List.of("email", "password");
    private final ObjectMapper mapper = new ObjectMapper();

    private List<FieldError> errorsOf(String json) throws Exception {
        JsonFields fields = JsonFields.of((ObjectNode) mapper.readTree(json), ACCEPTED);
        fields.requiredString("email");
        fields.optionalString("password");
        ValidationException error = catchThrowableOfType(ValidationException.class, fields::throwIfInvalid);
        return error == null ? List.of() : error.errors();
    }

    @Test
    void acceptedStringsAreRead() throws Exception {
        JsonFields fields = JsonFields.of((ObjectNode) mapper.readTree("{\"email\":\"a@b.c\",\"password\":null}"),
                ACCEPTED);

        assertThat(fields.requiredString("email")).isEqualTo("a@b.c");
        assertThat(fields.optionalString("password")).isNull();
        fields.throwIfInvalid();
    }

    @Test
    void privilegedFieldsAreRejectedByName() throws Exception {
        List<FieldError> errors = errorsOf("{\"email\":\"a@b.c\",\"is_admin\":true,\"isAdmin\":true,\"admin\":true,"
                + "\"user\":{\"is_admin\":true}}");

        assertThat(errors).extracting(FieldError::field).containsExactly("is_admin", "isAdmin", "admin", "user");
        assertThat(errors.get(0).message()).contains("not an accepted field").contains("email, password");
    }

    @Test
    void otherTypesAreNotCoerced() throws Exception {
        assertThat(errorsOf("{\"email\":3}")).extracting(FieldError::message).containsExactly("must be a string, got a number");
        assertThat(errorsOf("{\"email\":true}")).extracting(FieldError::message)
                .containsExactly("must be a string, got a boolean");
        assertThat(errorsOf("{\"email\":[\"a\"]}")).extracting(FieldError::message)
                .containsExactly("must be a string, got an array");
        assertThat(errorsOf("{\"email\":{}}")).extracting(FieldError::message)
                .containsExactly("must be a string, got an object");
    }

    @Test
    void missingOrNullRequiredFieldIsReported() throws Exception {
        assertThat(errorsOf("{}")).extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "is required"));
        assertThat(errorsOf("{\"email\":null}")).extracting(FieldError::field).containsExactly("email");
    }
}
