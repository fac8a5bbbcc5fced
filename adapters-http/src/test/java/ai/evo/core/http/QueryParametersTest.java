package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {
    private static final List<String> ACCEPTED = List.of("limit", "cursor", "from");

    private static List<FieldError> errorsOf(QueryParameters query) {
        ValidationException error = catchThrowableOfType(ValidationException.class, query::throwIfInvalid);
        return error == null ? List.of() : error.errors();
    }

    @Test
    void valuesAreDecodedInOrder() {
        QueryParameters query = QueryParameters.of("limit=10&from=2026-01-01T00:00:00%2B01:00&cursor=a+b%C3%A9",
                ACCEPTED);

        assertThat(errorsOf(query)).isEmpty();
        assertThat(query.values()).containsExactly(Map.entry("limit", List.of("10")),
                Map.entry("from", List.of("2026-01-01T00:00:00+01:00")), Map.entry("cursor", List.of("a bé")));
    }

    @Test
    void emptyPartsAndMissingValuesAreKept() {
        QueryParameters query = QueryParameters.of("&limit&&cursor=", ACCEPTED);

        assertThat(query.values()).containsExactly(Map.entry("limit", List.of("")), Map.entry("cursor", List.of("")));
        assertThat(QueryParameters.of((String) null, ACCEPTED).values()).isEmpty();
    }

    @Test
    void malformedEscapesRejectWholeQuery() {
        for (String raw : List.of("limit=%zz", "limit=%2", "limit=%", "%ff=1", "cursor=%C3", "cursor=é")) {
            QueryParameters query = QueryParameters.of(raw, ACCEPTED);

            assertThat(errorsOf(query)).as("query %s", raw).extracting(FieldError::field).containsExactly("query");
            assertThat(query.values()).as("query %s", raw).isEmpty();
        }
    }

    @Test
    void unknownAndRepeatedNamesAreRejected() {
        List<FieldError> errors = errorsOf(QueryParameters.of("client_id=1&limit=1&limit=2", ACCEPTED));

        assertThat(errors).extracting(FieldError::field).containsExactly("client_id", "limit");
        assertThat(errors.get(0).message()).contains("limit, cursor, from");
        assertThat(errors.get(1).message()).isEqualTo("must be given at most once");
    }
}
