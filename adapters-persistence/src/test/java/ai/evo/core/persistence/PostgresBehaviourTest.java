package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.evo.core.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the PostgreSQL and driver behaviour that {@link SqlErrors} and {@link WriteFields} rely on, so an upgrade
 * that changes it fails here first.
 */
class PostgresBehaviourTest {
    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static String echo(String sql, String value) throws SQLException {
        try (Connection connection = database.unpooledDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    @Test
    void nulInTextIsCharacterNotInRepertoire() {
        SQLException error = catchThrowableOfType(SQLException.class, () -> echo("SELECT CAST(? AS text)", "a\u0000b"));

        assertThat(error.getSQLState()).isEqualTo(SqlErrors.CHARACTER_NOT_IN_REPERTOIRE);
    }

    @Test
    void nulEscapeInJsonbIsUntranslatable() {
        SQLException error = catchThrowableOfType(SQLException.class,
                () -> echo("SELECT CAST(CAST(? AS text) AS jsonb)::text", "{\"note\":\"a\\u0000b\"}"));

        assertThat(error.getSQLState()).isEqualTo(SqlErrors.UNTRANSLATABLE_CHARACTER);
    }

    @Test
    void driverReplacesLoneSurrogate() throws SQLException {
        assertThat(echo("SELECT CAST(? AS text)", "a\ud800b")).isEqualTo("a?b");
    }

    @Test
    void controlCharacterRoundTrips() throws SQLException {
        assertThat(echo("SELECT CAST(? AS text)", "a\u0001b")).isEqualTo("a\u0001b");
        assertThat(echo("SELECT CAST(CAST(? AS text) AS jsonb)::text", "{\"k\": \"a\\u0001b\"}"))
                .isEqualTo("{\"k\": \"a\\u0001b\"}");
    }
}
