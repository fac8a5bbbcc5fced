package ai.evo.core.domain.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The version of a stored resource that a reader saw, derived from its {@code updated_at} time. The store sets
 * {@code updated_at} on every change with microsecond precision, so two states of one row carry different tags.
 * An update that names a tag succeeds only while the stored row still has it, so two editors never silently
 * overwrite each other.
 *
 * @param updatedAt the {@code updated_at} time of the version
 */
public record EntityTag(Instant updatedAt) {
    public EntityTag {
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Returns the HTTP form: the ISO-8601 time in double quotes, such as {@code "2026-03-01T10:00:00.123456Z"}. */
    public String header() {
        return "\"" + updatedAt + "\"";
    }

    /**
     * Parses one tag as sent in an {@code If-Match} header, quoted or not, with or without the weak prefix
     * {@code W/}.
     *
     * @param header the header value
     * @return the tag, or empty when the value is not a tag this service issued
     */
    public static Optional<EntityTag> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Optional.of(new EntityTag(Instant.parse(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks an expected version against the stored one.
     *
     * @param expected the version the caller read, or empty when it sent none
     * @param stored   the stored row's {@code updated_at}
     * @param resource the kind of resource, for the message
     * @throws PreconditionFailedException when a version was sent and the row has changed since
     */
    public static void require(Optional<EntityTag> expected, Instant stored, String resource) {
        if (expected.isPresent() && !expected.get().updatedAt().equals(stored)) {
            throw new PreconditionFailedException("the " + resource + " changed after you read it (its ETag is now "
                    + new EntityTag(stored).header() + "); read it again, reapply your change and send the new ETag"
                    + " in If-Match");
        }
    }
}
