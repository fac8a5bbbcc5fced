package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts its own server, apart from the shared test server, to check restarts on one data directory. */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void dataSurvivesRestart() {
        Path data = directory.resolve("pgdata");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0)) {
            assertThat(first.createDatabaseIfMissing("survivor")).isTrue();
            try (Handle handle = Jdbi.open(first.jdbcUrl("survivor"), EmbeddedDatabase.USER, "")) {
                handle.execute("CREATE TABLE note (text TEXT)");
                handle.execute("INSERT INTO note VALUES ('kept ✓')");
            }
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, 0)) {
            assertThat(second.createDatabaseIfMissing("survivor")).isFalse();
            try (Handle handle = Jdbi.open(second.jdbcUrl("survivor"), EmbeddedDatabase.USER, "")) {
                assertThat(handle.createQuery("SELECT text FROM note").mapTo(String.class).one()).isEqualTo("kept ✓");
            }
        }
    }

    @Test
    void temporaryServerDeletesItsDirectory() {
        Path data;
        try (EmbeddedDatabase temporary = EmbeddedDatabase.startTemporary()) {
            data = temporary.dataDirectory();
            assertThat(data).isDirectory();
        }

        assertThat(data).doesNotExist();
    }

    @Test
    void unsafeDatabaseNameIsRejected() {
        assertThatThrownBy(() -> EmbeddedDatabase.requireSimpleName("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmbeddedDatabase.requireSimpleName("Upper"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EmbeddedDatabase.requireSimpleName("evo_ai_2")).isEqualTo("evo_ai_2");
    }
}
