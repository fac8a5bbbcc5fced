package ai.evo.core.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {
    private static final String CHAIN = "00000000-0000-4000-8000-00000000000a";

    private static ChainedAuditRow row(long sequence, String previousHash, String details) {
        ChainedAuditRow unhashed = new ChainedAuditRow(CHAIN, sequence, new UUID(0, sequence), null,
                UUID.fromString(CHAIN), "CREATE", "AGENT", new UUID(1, sequence), details, "192.0.2.1", null,
                Instant.parse("2026-03-01T10:00:00.123456Z").plusSeconds(sequence), previousHash, null);
        return withHash(unhashed, AuditChain.hash(unhashed));
    }

    private static ChainedAuditRow withHash(ChainedAuditRow row, String hash) {
        return new ChainedAuditRow(row.chainKey(), row.sequence(), row.id(), row.actorUserId(), row.clientId(),
                row.action(), row.resourceType(), row.resourceId(), row.detailsJson(), row.ipAddress(),
                row.userAgent(), row.createdAt(), row.previousHash(), hash);
    }

    private static List<ChainedAuditRow> chain(int length) {
        List<ChainedAuditRow> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS_HASH;
        for (int i = 1; i <= length; i++) {
            ChainedAuditRow next = row(i, previous, "{\"n\": " + i + "}");
            rows.add(next);
            previous = next.hash();
        }
        return rows;
    }

    private static AuditChainHead headOf(List<ChainedAuditRow> rows) {
        ChainedAuditRow last = rows.get(rows.size() - 1);
        return new AuditChainHead(CHAIN, 1, AuditChain.GENESIS_HASH, last.sequence(), last.hash());
    }

    private static Optional<ChainBreak> verify(AuditChainHead head, List<ChainedAuditRow> rows) {
        AuditChainVerifier verifier = new AuditChainVerifier(head);
        rows.forEach(verifier::accept);
        return verifier.finish();
    }

    @Test
    void intactChainVerifies() {
        List<ChainedAuditRow> rows = chain(5);

        assertThat(verify(headOf(rows), rows)).isEmpty();
    }

    @Test
    void alteredDetailsNameTheRow() {
        List<ChainedAuditRow> rows = chain(5);
        AuditChainHead head = headOf(rows);
        ChainedAuditRow original = rows.get(2);
        rows.set(2, new ChainedAuditRow(CHAIN, 3, original.id(), null, original.clientId(), "CREATE", "AGENT",
                original.resourceId(), "{\"n\": 999}", original.ipAddress(), null, original.createdAt(),
                original.previousHash(), original.hash()));

        Optional<ChainBreak> broken = verify(head, rows);

        assertThat(broken).isPresent();
        assertThat(broken.get().rowId()).isEqualTo(original.id());
        assertThat(broken.get().sequence()).isEqualTo(3);
        assertThat(broken.get().reason()).contains("was altered");
    }

    @Test
    void rehashedRowBreaksTheNextLink() {
        List<ChainedAuditRow> rows = chain(5);
        AuditChainHead head = headOf(rows);
        ChainedAuditRow forged = row(3, rows.get(1).hash(), "{\"n\": 999}");
        rows.set(2, forged);

        Optional<ChainBreak> broken = verify(head, rows);

        assertThat(broken).isPresent();
        assertThat(broken.get().rowId()).isEqualTo(rows.get(3).id());
        assertThat(broken.get().reason()).contains("previous hash");
    }

    @Test
    void removedRowLeavesGap() {
        List<ChainedAuditRow> rows = chain(5);
        AuditChainHead head = headOf(rows);
        rows.remove(1);

        Optional<ChainBreak> broken = verify(head, rows);

        assertThat(broken).isPresent();
        assertThat(broken.get().sequence()).isEqualTo(2);
        assertThat(broken.get().rowId()).isEqualTo(rows.get(1).id());
        assertThat(broken.get().reason()).contains("sequence 2 to 2 were removed");
    }

    @Test
    void removedNewestRowIsFound() {
        List<ChainedAuditRow> rows = chain(5);
        AuditChainHead head = headOf(rows);
        rows.remove(4);

        Optional<ChainBreak> broken = verify(head, rows);

        assertThat(broken).isPresent();
        assertThat(broken.get().sequence()).isEqualTo(5);
        assertThat(broken.get().reason()).contains("removed from the end");
    }

    @Test
    void purgedPrefixStillVerifies() {
        List<ChainedAuditRow> rows = chain(5);
        AuditChainHead head = new AuditChainHead(CHAIN, 3, rows.get(1).hash(), 5, rows.get(4).hash());

        assertThat(verify(head, rows.subList(2, 5))).isEmpty();
    }

    @Test
    void canonicalContentPrefixesLengthsInCodePoints() {
        ChainedAuditRow row = new ChainedAuditRow("platform", 1, new UUID(0, 1), null, null, "CREATE", "CLIENT",
                null, "{\"name\": \"Zoë 😀\"}", null, "a\nb", Instant.parse("2026-03-01T10:00:00Z"),
                AuditChain.GENESIS_HASH, null);

        String content = AuditChain.canonicalContent(row);

        assertThat(content).contains("\n17:{\"name\": \"Zoë 😀\"}\n");
        assertThat(content).contains("\n3:a\nb\n");
        assertThat(content).contains("\n27:2026-03-01T10:00:00.000000Z\n");
        assertThat(content).startsWith("8:platform\n1:1\n");
    }
}
