package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void textFormHidesPasswords() {
        ConnectionSettings settings = ConnectionSettings.of(
                "jdbc:postgresql://db.internal:5432/evo?user=evo&password=url-secret&ssl=true", "evo", "field-secret");

        String text = settings.toString();

        assertThat(text).doesNotContain("url-secret");
        assertThat(text).doesNotContain("field-secret");
        assertThat(text).contains("password=****&ssl=true");
    }

    @Test
    void invalidUrlMessageHidesPassword() {
        assertThatThrownBy(() -> ConnectionSettings.of("jdbc:mysql://db/evo?password=url-secret", "evo", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("url-secret");
    }

    @Test
    void invalidPoolSettingsAreRejected() {
        ConnectionSettings settings = ConnectionSettings.of("jdbc:postgresql://localhost/evo", "evo", "");

        assertThatThrownBy(() -> settings.withMaximumPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionSettings("jdbc:postgresql://localhost/evo", "evo", "", 5,
                Duration.ofMillis(100))).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.withMaximumPoolSize(3).maximumPoolSize()).isEqualTo(3);
    }
}
