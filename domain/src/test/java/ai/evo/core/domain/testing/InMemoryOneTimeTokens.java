package ai.evo.core.domain.testing;

import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.OneTimeTokenRepository;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time token store in a list with the same rules as the database adapter, for unit tests of the use cases.
 * Methods are synchronized, so each behaves atomically like its single SQL statement.
 */
public final class InMemoryOneTimeTokens implements OneTimeTokenRepository {

    /**
     * One stored token.
     *
     * @param id        the row id
     * @param userId    the account
     * @param purpose   the purpose
     * @param tokenHash the SHA-256 hash
     * @param expiresAt the expiry
     * @param usedAt    when it was used or voided, or null
     */
    public record Row(UUID id, UserId userId, OneTimeTokenPurpose purpose, String tokenHash, Instant expiresAt,
                      Instant usedAt) {
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public synchronized void issue(UUID id, UserId userId, OneTimeTokenPurpose purpose, String tokenHash,
                                   Instant expiresAt, Instant now) {
        voidAll(userId, purpose, now);
        rows.add(new Row(id, userId, purpose, tokenHash, expiresAt, null));
    }

    @Override
    public synchronized Optional<UserId> findUsable(String tokenHash, OneTimeTokenPurpose purpose, Instant now) {
        return rows.stream()
                .filter(row -> row.tokenHash().equals(tokenHash) && row.purpose() == purpose && row.usedAt() == null
                        && row.expiresAt().isAfter(now))
                .map(Row::userId)
                .findFirst();
    }

    @Override
    public synchronized Optional<UserId> consume(String tokenHash, OneTimeTokenPurpose purpose, Instant now) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.tokenHash().equals(tokenHash) && row.purpose() == purpose && row.usedAt() == null
                    && row.expiresAt().isAfter(now)) {
                rows.set(i, used(row, now));
                return Optional.of(row.userId());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void voidAll(UserId userId, OneTimeTokenPurpose purpose, Instant now) {
        rows.replaceAll(row -> row.userId().equals(userId) && row.purpose() == purpose && row.usedAt() == null
                ? used(row, now) : row);
    }

    /** Returns every stored row in the order issued. */
    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    private static Row used(Row row, Instant now) {
        return new Row(row.id(), row.userId(), row.purpose(), row.tokenHash(), row.expiresAt(), now);
    }
}
