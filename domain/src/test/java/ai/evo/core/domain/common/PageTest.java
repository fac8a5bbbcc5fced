package ai.evo.core.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final UUID ID = UUID.fromString("00000000-0000-7000-8000-000000000001");

    @Test
    void extraRowMeansANextPage() {
        PageRequest request = new PageRequest(2, Optional.empty());

        Page<Integer> page = Page.fromLookahead(List.of(1, 2, 3), request, n -> new Cursor(Instant.ofEpochSecond(n), ID));

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.next()).contains(new Cursor(Instant.ofEpochSecond(2), ID));
    }

    @Test
    void noExtraRowMeansLastPage() {
        PageRequest request = new PageRequest(2, Optional.empty());

        Page<Integer> page = Page.fromLookahead(List.of(1, 2), request, n -> new Cursor(Instant.ofEpochSecond(n), ID));

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void limitOutsideRangeIsRejected() {
        assertThatThrownBy(() -> new PageRequest(0, Optional.empty())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new PageRequest(1001, Optional.empty())).isInstanceOf(ValidationException.class);
    }
}
