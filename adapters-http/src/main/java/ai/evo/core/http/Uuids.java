package ai.evo.core.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Strict UUID parsing. {@link UUID#fromString} also accepts short forms such as {@code 1-2-3-4-5}, so text is
 * checked against the canonical 8-4-4-4-12 hexadecimal form first.
 */
final class Uuids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** Parses a UUID in canonical form, or returns empty for null or any other text. */
    static Optional<UUID> parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
