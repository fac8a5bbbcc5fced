package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ValidationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    private final JsonBodies bodies = new JsonBodies(new Json(), 1024);

    private List<FieldError> errorsOf(String json) {
        return errorsOf(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<FieldError> errorsOf(byte[] body) {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> bodies.parseObject(body));
        assertThat(error).as("expected a validation error").isNotNull();
        return error.errors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void infiniteNumberNamesPath() {
        assertThat(fields(errorsOf("{\"meta\":{\"n\":1e999999}}"))).containsExactly("meta.n");
        assertThat(fields(errorsOf("{\"meta\":{\"n\":-1e400}}"))).containsExactly("meta.n");
    }

    @Test
    void nulInStringValueNamesPath() {
        List<FieldError> errors = errorsOf("{\"name\":\"nul\\u0000name\",\"meta\":{\"note\":\"a\\u0000b\"}}");

        assertThat(fields(errors)).containsExactly("name", "meta.note");
        assertThat(errors.get(0).message()).contains("U+0000");
    }

    @Test
    void nulInObjectKeyNamesPath() {
        List<FieldError> errors = errorsOf("{\"meta\":{\"k\\u0000\":\"v\"}}");

        assertThat(fields(errors)).containsExactly("meta.k\u0000");
        assertThat(errors.get(0).message()).startsWith("key ").contains("U+0000");
    }

    @Test
    void loneSurrogatesNameArrayPaths() {
        List<FieldError> errors = errorsOf("{\"tags\":[\"ok\",\"\\ud800\",{\"x\":[\"\\udc00x\"]}]}");

        assertThat(fields(errors)).containsExactly("tags[1]", "tags[2].x[0]");
        assertThat(errors.get(0).message()).contains("U+D800");
        assertThat(errors.get(1).message()).contains("U+DC00");
    }

    @Test
    void loneSurrogateInKeyIsRejected() {
        // Jackson 2.23 already refuses a broken surrogate pair in a field name while parsing.
        List<FieldError> errors = errorsOf("{\"meta\":{\"\\udbff\":1}}");

        assertThat(fields(errors)).containsExactly("meta");
        assertThat(errors.get(0).message()).contains("surrogate");
    }

    @Test
    void pairedSurrogatesAndControlCharactersAreKept() {
        ObjectNode body = bodies.parseObject("{\"note\":\"a\\u0001b \\ud83d\\ude00\",\"raw\":\"\uD83D\uDE00\"}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(body.get("note").textValue()).isEqualTo("a\u0001b \uD83D\uDE00");
        assertThat(body.get("raw").textValue()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void malformedJsonNamesPathAndPosition() {
        List<FieldError> errors = errorsOf("{\"meta\":{\"note\": tru}}");

        assertThat(fields(errors)).containsExactly("meta.note");
        assertThat(errors.get(0).message()).startsWith("is not valid JSON").contains("line 1");
    }

    @Test
    void malformedJsonAtTopLevelNamesBody() {
        for (String json : List.of("{", "{\"a\":1,}", "{'a':1}", "{a:1}", "nul", "{\"a\":01}", "{\"a\":NaN}",
                "// comment\n{}")) {
            assertThat(fields(errorsOf(json))).as("body %s", json).hasSize(1);
        }
        assertThat(fields(errorsOf("{"))).containsExactly("body");
    }

    @Test
    void unquotedValueIsNotEchoed() {
        List<FieldError> errors = errorsOf("{\"email\":\"a@b.c\",\"password\": hunter2secret}");

        assertThat(fields(errors)).containsExactly("password");
        assertThat(errors.get(0).message()).startsWith("is not valid JSON: Unrecognized token")
                .doesNotContain("hunter2");
    }

    @Test
    void deepNestingIsRejected() {
        String json = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        List<FieldError> errors = errorsOf(json);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message()).startsWith("is not valid JSON").contains("nesting depth");
        assertThat(errors.get(0).field()).startsWith("a[0][0]").endsWith("...").hasSize(203);
    }

    @Test
    void duplicateKeyIsRejected() {
        List<FieldError> errors = errorsOf("{\"name\":\"a\",\"name\":\"b\"}");

        assertThat(fields(errors)).containsExactly("name");
        assertThat(errors.get(0).message()).contains("Duplicate");
    }

    @Test
    void trailingContentIsRejected() {
        assertThat(fields(errorsOf("{} {}"))).containsExactly("body");
        assertThat(fields(errorsOf("{}x"))).containsExactly("body");
    }

    @Test
    void nonObjectBodyIsRejected() {
        for (String json : List.of("null", "[]", "\"text\"", "3", "true")) {
            List<FieldError> errors = errorsOf(json);

            assertThat(fields(errors)).as("body %s", json).containsExactly("body");
            assertThat(errors.get(0).message()).startsWith("must be a JSON object");
        }
    }

    @Test
    void emptyOrBlankBodyIsRejected() {
        assertThat(errorsOf("").get(0).message()).contains("is required");
        assertThat(errorsOf("   ").get(0).message()).contains("is required");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] encodedSurrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        byte[] truncated = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};

        assertThat(errorsOf(encodedSurrogate).get(0).message()).contains("UTF-8");
        assertThat(errorsOf(truncated).get(0).message()).contains("UTF-8");
    }

    @Test
    void jsonContentTypesAreAccepted() {
        for (String type : List.of("application/json", "application/json; charset=utf-8",
                "Application/JSON;charset=\"UTF-8\"", "application/json; charset=utf8",
                "application/merge-patch+json")) {
            JsonBodies.requireJsonContentType(type);
        }
    }

    @Test
    void otherContentTypesAreUnsupported() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/jsonx",
                "application/json; charset=latin1", "application/json; charset=no-such-charset",
                "application/json; charset=\u0000", "")) {
            assertThatThrownBy(() -> JsonBodies.requireJsonContentType(type))
                    .as("content type %s", type)
                    .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.status()).isEqualTo(415));
        }
        assertThatThrownBy(() -> JsonBodies.requireJsonContentType(null)).isInstanceOf(HttpProblem.class);
    }
}
