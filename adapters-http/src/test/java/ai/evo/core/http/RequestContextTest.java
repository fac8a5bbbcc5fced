package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestContextTest {

    @Test
    void saneIncomingIdIsKept() {
        for (String id : List.of("abc", "req-1.2_3", "A".repeat(128))) {
            assertThat(RequestContext.chooseRequestId(id)).isEqualTo(id);
        }
    }

    @Test
    void unsafeIncomingIdIsReplaced() {
        for (String id : List.of("", "A".repeat(129), "a b", "a\nb", "a\u0000b", "<script>", "é", "a/b")) {
            String chosen = RequestContext.chooseRequestId(id);

            assertThat(chosen).as("incoming %s", id).isNotEqualTo(id);
            assertThat(chosen).matches("[0-9a-f-]{36}");
        }
        assertThat(RequestContext.chooseRequestId(null)).matches("[0-9a-f-]{36}");
    }
}
