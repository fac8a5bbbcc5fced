package ai.evo.core.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditChain;
import ai.evo.core.domain.audit.AuditChainHead;
import ai.evo.core.domain.audit.AuditChainStore;
import ai.evo.core.domain.audit.ChainedAuditRow;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
import ai.evo.core.domain.testing.SequentialIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AuditIntegrityServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Caller USER = new Caller(null, false, null, RequestOrigin.INTERNAL);

    /** A chain store over lists, recording the purge cutoff it was given. */
    private static final class ListChainStore implements AuditChainStore {
        final List<AuditChainHead> heads = new ArrayList<>();
        final List<ChainedAuditRow> rows = new ArrayList<>();
        final List<String> extraKeys = new ArrayList<>();
        Instant purgedBefore;

        @Override
        public List<AuditChainHead> heads() {
            return heads;
        }

        @Override
        public List<String> chainKeysOfRows() {
            List<String> keys = new ArrayList<>(rows.stream().map(ChainedAuditRow::chainKey).distinct().toList());
            keys.addAll(extraKeys);
            return keys;
        }

        @Override
        public void forEachRow(String chainKey, Predicate<ChainedAuditRow> consumer) {
            for (ChainedAuditRow row : rows) {
                if (row.chainKey().equals(chainKey) && !consumer.test(row)) {
                    return;
                }
            }
        }

        @Override
        public long purgeCreatedBefore(Instant cutoff) {
            purgedBefore = cutoff;
            return 7;
        }
    }

    private final ListChainStore store = new ListChainStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail(CLOCK);
    private final AuditIntegrityService service = new AuditIntegrityService(new DirectTransactions(), store,
            new AuditRecorder(trail, new SequentialIds()), CLOCK);

    private void addChain(String key, int length) {
        String previous = AuditChain.GENESIS_HASH;
        for (int i = 1; i <= length; i++) {
            ChainedAuditRow unhashed = new ChainedAuditRow(key, i, UUID.randomUUID(), null, null, "CREATE", "CLIENT",
                    null, "{}", null, null, CLOCK.instant(), previous, null);
            String hash = AuditChain.hash(unhashed);
            store.rows.add(new ChainedAuditRow(key, i, unhashed.id(), null, null, "CREATE", "CLIENT", null, "{}",
                    null, null, CLOCK.instant(), previous, hash));
            previous = hash;
        }
        store.heads.add(new AuditChainHead(key, 1, AuditChain.GENESIS_HASH, length, previous));
    }

    @Test
    void verifyCountsIntactChains() {
        addChain("platform", 3);
        addChain("tenant-a", 2);

        AuditVerification result = service.verify(Caller.system());

        assertThat(result.intact()).isTrue();
        assertThat(result.chainsChecked()).isEqualTo(2);
        assertThat(result.rowsChecked()).isEqualTo(5);
    }

    @Test
    void verifyReportsRowsWithoutHead() {
        addChain("platform", 1);
        store.extraKeys.add("forged");

        AuditVerification result = service.verify(Caller.system());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBreak().orElseThrow().chainKey()).isEqualTo("forged");
        assertThat(result.firstBreak().orElseThrow().reason()).contains("no chain head");
    }

    @Test
    void purgeUsesCutoffAndAuditsIt() {
        long deleted = service.purge(Caller.system(), Duration.ofDays(365));

        assertThat(deleted).isEqualTo(7);
        assertThat(store.purgedBefore).isEqualTo(CLOCK.instant().minus(Duration.ofDays(365)));
        assertThat(trail.entries()).hasSize(1);
        assertThat(trail.entries().get(0).action()).isEqualTo(AuditAction.PURGE);
        assertThat(trail.entries().get(0).details()).containsEntry("deleted", 7L);
    }

    @Test
    void onlyAdminsVerifyOrPurge() {
        assertThatThrownBy(() -> service.verify(USER)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.purge(USER, Duration.ofDays(365))).isInstanceOf(ForbiddenException.class);
        assertThat(store.purgedBefore).isNull();
    }

    @Test
    void purgeRejectsShortRetention() {
        assertThatThrownBy(() -> service.purge(Caller.system(), Duration.ofDays(29)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("older_than: must be at least 30 days, got 29 days");
        assertThat(store.purgedBefore).isNull();
    }
}
