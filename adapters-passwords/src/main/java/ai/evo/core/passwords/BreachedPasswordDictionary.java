package ai.evo.core.passwords;

import ai.evo.core.domain.user.CommonPasswords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The common passwords of the list that the nbvcxz library (me.gosimple:nbvcxz 1.5.1) ships as
 * {@code dictionaries/passwords.txt}: about 100,000 passwords from breach corpora, most frequent first.
 * Entries and candidates are compared lower-cased. Immutable and thread-safe after construction.
 */
public final class BreachedPasswordDictionary implements CommonPasswords {
    /** Class path resource of the list inside the nbvcxz jar. */
    public static final String RESOURCE = "dictionaries/passwords.txt";

    private final Set<String> passwords;

    private BreachedPasswordDictionary(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    /**
     * Loads the list from the class path.
     *
     * @return the dictionary
     * @throws IllegalStateException when the nbvcxz jar is missing from the class path
     * @throws UncheckedIOException  when the list cannot be read
     */
    public static BreachedPasswordDictionary load() {
        InputStream stream = BreachedPasswordDictionary.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("the common password list " + RESOURCE + " is missing from the class"
                    + " path; add me.gosimple:nbvcxz to the dependencies");
        }
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty()) {
                    passwords.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the common password list " + RESOURCE, e);
        }
        return new BreachedPasswordDictionary(passwords);
    }

    /** Returns the number of distinct lower-cased entries. */
    public int size() {
        return passwords.size();
    }

    @Override
    public boolean contains(String password) {
        return password != null && passwords.contains(password.strip().toLowerCase(Locale.ROOT));
    }
}
