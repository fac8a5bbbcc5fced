package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.common.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditCommandsTest {
    private static ServiceOnTestDatabase running;
    private static String admin;

    @BeforeAll
    static void startService() {
        running = ServiceOnTestDatabase.start();
        admin = running.adminToken();
        for (int i = 0; i < 4; i++) {
            running.post("/api/v1/clients", admin,
                    "{\"name\":\"Client " + i + "\",\"email\":\"c" + i + "-" + UUID.randomUUID() + "@example.test\"}");
        }
    }

    @AfterAll
    static void stopService() {
        running.close();
    }

    private static String query(String sql) {
        try (Connection connection = running.database.unpooledDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void executeBehindTheService(String sql) {
        try (Connection connection = running.database.unpooledDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            // Replica mode skips the triggers that keep audit_log append-only, as an attacker with superuser
            // rights could.
            statement.execute("SET session_replication_role = replica");
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Test
    void verifyNamesEditedRow() {
        ByteArrayOutputStream intactOutput = new ByteArrayOutputStream();
        int intact = AuditCommands.verify(running.config, Clock.systemUTC(),
                new PrintStream(intactOutput, true, StandardCharsets.UTF_8));
        assertThat(intact).as(intactOutput.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(intactOutput.toString(StandardCharsets.UTF_8)).startsWith("Audit trail intact");

        String edited = query("SELECT id FROM audit_log WHERE action = 'CREATE' AND resource_type = 'CLIENT'"
                + " AND details -> 'after' ->> 'name' = 'Client 0'");
        executeBehindTheService("UPDATE audit_log SET details = jsonb_set(details, '{after,name}', '\"Forged\"')"
                + " WHERE id = '" + edited + "'");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = AuditCommands.verify(running.config, Clock.systemUTC(),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(AuditCommands.EXIT_TAMPERED);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(edited).contains("was altered");

        executeBehindTheService("UPDATE audit_log SET row_hash = audit_log_row_hash(audit_log) WHERE id = '"
                + edited + "'");
        ByteArrayOutputStream rehashedOutput = new ByteArrayOutputStream();
        int rehashed = AuditCommands.verify(running.config, Clock.systemUTC(),
                new PrintStream(rehashedOutput, true, StandardCharsets.UTF_8));
        assertThat(rehashed).isEqualTo(AuditCommands.EXIT_TAMPERED);
        // The forger rebuilt the row's own hash, so the link to the chain head (or to the next row) breaks.
        assertThat(rehashedOutput.toString(StandardCharsets.UTF_8)).contains("Audit trail broken in chain");

        // Restore the row so the other tests of this class see an intact trail.
        executeBehindTheService("UPDATE audit_log SET details = jsonb_set(details, '{after,name}', '\"Client 0\"')"
                + " WHERE id = '" + edited + "'");
        executeBehindTheService("UPDATE audit_log SET row_hash = audit_log_row_hash(audit_log) WHERE id = '"
                + edited + "'");
    }

    @Test
    void purgeKeepsChainVerifiable() {
        String platformRows = query("SELECT count(*) FROM audit_log WHERE chain_key = 'platform'");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = AuditCommands.purge(running.config, Clock.systemUTC(), AuditCommands.parseRetention("365d"),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("Deleted 0 audit entries older than 365 days");
        assertThat(query("SELECT action FROM audit_log WHERE chain_key = 'platform' ORDER BY chain_sequence DESC"
                + " LIMIT 1")).isEqualTo("PURGE");
        assertThat(Long.parseLong(query("SELECT count(*) FROM audit_log WHERE chain_key = 'platform'")))
                .isEqualTo(Long.parseLong(platformRows) + 1);
    }

    @Test
    void purgeRejectsShortRetention() {
        assertThatThrownBy(() -> AuditCommands.purge(running.config, Clock.systemUTC(), Duration.ofDays(7),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 30 days");
    }

    @Test
    void retentionParsesDaysOnly() {
        assertThat(AuditCommands.parseRetention("365d")).isEqualTo(Duration.ofDays(365));
        for (String invalid : new String[] {"365", "1y", "-5d", "d", ""}) {
            assertThatThrownBy(() -> AuditCommands.parseRetention(invalid))
                    .as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("such as 365d");
        }
    }
}
