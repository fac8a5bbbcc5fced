package ai.evo.core.persistence;

import ai.evo.core.domain.audit.AuditChainHead;
import ai.evo.core.domain.audit.AuditChainStore;
import ai.evo.core.domain.audit.ChainedAuditRow;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link AuditChainStore} on {@code audit_log} and {@code audit_chain_head}. The trigger
 * {@code audit_log_chain_append} stamps each new row with its chain, sequence and hash; this class only reads the
 * chains and runs the retention purge, the one deletion the table's trigger allows. Thread-safe.
 */
final class JdbiAuditChainStore implements AuditChainStore {
    /** Rows fetched per round trip while streaming a chain. */
    private static final int FETCH_SIZE = 1000;

    private static final String HEADS = """
            SELECT chain_key, first_sequence, first_previous_hash, last_sequence, last_hash
              FROM audit_chain_head ORDER BY chain_key""";
    private static final String CHAIN_KEYS = "SELECT DISTINCT chain_key FROM audit_log ORDER BY chain_key";
    private static final String ROWS = """
            SELECT chain_key, chain_sequence, id, actor_user_id, client_id, action, resource_type, resource_id,
                   details::text AS details_text, ip_address, user_agent, created_at, previous_hash, row_hash
              FROM audit_log WHERE chain_key = :chainKey ORDER BY chain_sequence""";
    private static final String ALLOW_PURGE = "SELECT set_config('evo.audit_purge', 'on', true)";
    private static final String DISALLOW_PURGE = "SELECT set_config('evo.audit_purge', 'off', true)";
    /*
     * Deletes a prefix of each chain: every row up to the newest row created before the cutoff. Deleting by
     * sequence rather than by time keeps the remaining rows contiguous even when creation times and sequences
     * disagree slightly, which concurrent transactions can cause. The head then records where the kept rows start.
     */
    private static final String PURGE = """
            WITH cut AS (
                SELECT chain_key, max(chain_sequence) AS last_purged
                  FROM audit_log WHERE created_at < :cutoff GROUP BY chain_key
            ), purged AS (
                DELETE FROM audit_log a USING cut
                 WHERE a.chain_key = cut.chain_key AND a.chain_sequence <= cut.last_purged
                RETURNING a.chain_key, a.chain_sequence, a.row_hash
            ), newest_purged AS (
                SELECT DISTINCT ON (chain_key) chain_key, chain_sequence, row_hash
                  FROM purged ORDER BY chain_key, chain_sequence DESC
            ), moved AS (
                UPDATE audit_chain_head h
                   SET first_sequence = n.chain_sequence + 1, first_previous_hash = n.row_hash
                  FROM newest_purged n WHERE h.chain_key = n.chain_key
            )
            SELECT count(*) FROM purged""";

    private final Database database;
    private final RowMapper<ChainedAuditRow> mapper = (rows, context) -> new ChainedAuditRow(
            rows.getString("chain_key"),
            rows.getLong("chain_sequence"),
            rows.getObject("id", UUID.class),
            rows.getObject("actor_user_id", UUID.class),
            rows.getObject("client_id", UUID.class),
            rows.getString("action"),
            rows.getString("resource_type"),
            rows.getObject("resource_id", UUID.class),
            rows.getString("details_text"),
            rows.getString("ip_address"),
            rows.getString("user_agent"),
            Timestamps.instant(rows, "created_at"),
            rows.getString("previous_hash"),
            rows.getString("row_hash"));

    JdbiAuditChainStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<AuditChainHead> heads() {
        return database.execute(handle -> handle.createQuery(HEADS)
                .map((rows, context) -> new AuditChainHead(
                        rows.getString("chain_key"),
                        rows.getLong("first_sequence"),
                        rows.getString("first_previous_hash"),
                        rows.getLong("last_sequence"),
                        rows.getString("last_hash")))
                .list());
    }

    @Override
    public List<String> chainKeysOfRows() {
        return database.execute(handle -> handle.createQuery(CHAIN_KEYS).mapTo(String.class).list());
    }

    @Override
    public void forEachRow(String chainKey, Predicate<ChainedAuditRow> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        // PostgreSQL streams with a cursor only inside a transaction; otherwise the driver reads every row first.
        database.execute(handle -> handle.inTransaction(transaction -> {
            try (Stream<ChainedAuditRow> rows = transaction.createQuery(ROWS)
                    .bind("chainKey", chainKey)
                    .setFetchSize(FETCH_SIZE)
                    .map(mapper)
                    .stream()) {
                Iterator<ChainedAuditRow> iterator = rows.iterator();
                while (iterator.hasNext() && consumer.test(iterator.next())) {
                    // the consumer does the work
                }
            }
            return null;
        }));
    }

    @Override
    public long purgeCreatedBefore(Instant cutoff) {
        return database.execute(handle -> handle.inTransaction(transaction -> {
            transaction.createQuery(ALLOW_PURGE).mapTo(String.class).one();
            long deleted = transaction.createQuery(PURGE)
                    .bind("cutoff", Timestamps.offset(cutoff))
                    .mapTo(Long.class)
                    .one();
            transaction.createQuery(DISALLOW_PURGE).mapTo(String.class).one();
            return deleted;
        }));
    }
}
