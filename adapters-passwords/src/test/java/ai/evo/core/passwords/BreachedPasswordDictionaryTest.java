package ai.evo.core.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreachedPasswordDictionaryTest {
    private static final BreachedPasswordDictionary DICTIONARY = BreachedPasswordDictionary.load();

    @Test
    void loadsWholeList() {
        assertThat(DICTIONARY.size()).isGreaterThan(90_000);
    }

    @Test
    void findsCommonPasswordsInAnyCase() {
        assertThat(DICTIONARY.contains("password")).isTrue();
        assertThat(DICTIONARY.contains("PassWord")).isTrue();
        assertThat(DICTIONARY.contains("1qaz2wsx3edc4rfv")).isTrue();
    }

    @Test
    void passesUnlistedPassphrase() {
        assertThat(DICTIONARY.contains("seven purple ducks argue loudly")).isFalse();
        assertThat(DICTIONARY.contains(null)).isFalse();
    }
}
