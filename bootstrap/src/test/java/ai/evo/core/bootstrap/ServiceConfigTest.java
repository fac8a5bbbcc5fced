package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void defaultsMeanEmbeddedDatabase() {
        ServiceConfig config = ServiceConfig.from(Map.of());

        assertThat(config.embedded()).isTrue();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.bcryptCost()).isEqualTo(12);
        assertThat(config.tokenLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.lockoutThreshold()).isEqualTo(5);
        assertThat(config.lockoutDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.dataDir().getFileName().toString()).isEqualTo("evo-data");
        assertThat(config.jwtKeysetFile()).isEqualTo(config.dataDir().resolve("keys/jwt-keyset.json"));
        assertThat(config.generateKeysets()).isTrue();
    }

    @Test
    void invalidNumberNamesVariable() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("EVO_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("EVO_HTTP_PORT")
                .hasMessageContaining("eighty");
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("EVO_BCRYPT_COST", "3")))
                .hasMessageContaining("EVO_BCRYPT_COST");
    }

    @Test
    void externalDatabaseNeedsKeysetFiles() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("EVO_DB_URL", "jdbc:postgresql://localhost/evo")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("EVO_JWT_KEYSET_FILE")
                .hasMessageContaining("EVO_SECRETS_KEYSET_FILE");
    }

    @Test
    void externalDatabaseWithKeysetsIsAccepted() {
        ServiceConfig config = ServiceConfig.from(Map.of("EVO_DB_URL", "jdbc:postgresql://localhost/evo",
                "EVO_DB_USER", "evo", "EVO_DB_PASSWORD", "secret-db-password",
                "EVO_JWT_KEYSET_FILE", "/etc/evo/jwt.json", "EVO_SECRETS_KEYSET_FILE", "/etc/evo/secrets.json"));

        assertThat(config.embedded()).isFalse();
        assertThat(config.generateKeysets()).isFalse();
        assertThat(config.toString()).doesNotContain("secret-db-password");
    }

    @Test
    void nonPostgresUrlIsRejected() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("EVO_DB_URL", "jdbc:mysql://localhost/evo")))
                .hasMessageContaining("EVO_DB_URL");
    }

    @Test
    void trustedProxiesAreSplit() {
        assertThat(ServiceConfig.from(Map.of("EVO_TRUSTED_PROXIES", " 10.0.0.1, 10.0.0.2 ,")).trustedProxies())
                .containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
    }

    @Test
    void helpListsEveryVariable() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Main.printHelp(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String help = buffer.toString(StandardCharsets.UTF_8);
        for (Setting setting : Setting.values()) {
            assertThat(help).contains(setting.variable());
        }
    }
}
