package ai.evo.core.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between {@link Instant} and the two timestamp column types. {@code timestamp with time zone}
 * columns are absolute. The {@code timestamp} column {@code "user".locked_until} has no zone, so it is stored
 * and read as UTC whatever the session's time zone.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** Reads a {@code timestamp with time zone} column, or null. */
    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Reads a {@code timestamp} column that stores UTC, or null. */
    static Instant utcInstant(ResultSet rows, String column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Converts an instant for binding to a {@code timestamp with time zone} parameter. */
    static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Converts an instant for binding to a {@code timestamp} parameter that stores UTC. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
