--liquibase formatted sql

--changeset evo-ai:021-audit-log-chain-columns
--comment: Hash chain over the audit trail, one chain per client and one ('platform') for entries outside any
--comment: client. actor_user_id keeps who acted after the user's deletion sets user_id to NULL, and the hash
--comment: covers actor_user_id rather than user_id so that cascade leaves the chain intact.
ALTER TABLE audit_log
    ADD COLUMN actor_user_id UUID NULL,
    ADD COLUMN chain_key VARCHAR(36) NULL,
    ADD COLUMN chain_sequence BIGINT NULL,
    ADD COLUMN previous_hash CHAR(64) NULL,
    ADD COLUMN row_hash CHAR(64) NULL;
CREATE TABLE audit_chain_head (
    chain_key VARCHAR(36) PRIMARY KEY,
    first_sequence BIGINT NOT NULL,
    first_previous_hash CHAR(64) NOT NULL,
    last_sequence BIGINT NOT NULL,
    last_hash CHAR(64) NOT NULL
);

--changeset evo-ai:021-audit-log-hash-function splitStatements:false
--comment: The canonical content is one line per field, each '<length>:<value>' with the length in characters,
--comment: or '-' for NULL. AuditChain in the domain module builds the same text, and a persistence test checks
--comment: that both agree.
CREATE FUNCTION audit_log_field(value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '-' ELSE length(value)::text || ':' || value END || E'\n'
$$;

CREATE FUNCTION audit_log_row_hash(entry audit_log) RETURNS CHAR(64)
LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(
               audit_log_field(entry.chain_key)
            || audit_log_field(entry.chain_sequence::text)
            || audit_log_field(entry.id::text)
            || audit_log_field(entry.actor_user_id::text)
            || audit_log_field(entry.client_id::text)
            || audit_log_field(entry.action)
            || audit_log_field(entry.resource_type)
            || audit_log_field(entry.resource_id::text)
            || audit_log_field(entry.details::text)
            || audit_log_field(entry.ip_address)
            || audit_log_field(entry.user_agent)
            || audit_log_field(to_char(entry.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
            || audit_log_field(entry.previous_hash),
           'UTF8')), 'hex')
$$;

--changeset evo-ai:021-audit-log-chain-trigger splitStatements:false
--comment: Stamps every new row with its chain, sequence, previous hash and hash. The advisory lock on the chain
--comment: key serializes writers of one chain until commit, so concurrent appends never fork a chain, while
--comment: writers of different clients take different locks, which collide only when two chain keys share a
--comment: 64-bit hash.
CREATE FUNCTION audit_log_chain_append() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_head%ROWTYPE;
BEGIN
    NEW.actor_user_id := NEW.user_id;
    NEW.chain_key := coalesce(NEW.client_id::text, 'platform');
    NEW.created_at := coalesce(NEW.created_at, now());
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_log_chain:' || NEW.chain_key, 0));
    SELECT * INTO head FROM audit_chain_head WHERE chain_key = NEW.chain_key;
    IF NOT FOUND THEN
        head := ROW(NEW.chain_key, 1, repeat('0', 64), 0, repeat('0', 64));
        INSERT INTO audit_chain_head VALUES (head.*);
    END IF;
    NEW.chain_sequence := head.last_sequence + 1;
    NEW.previous_hash := head.last_hash;
    NEW.row_hash := audit_log_row_hash(NEW);
    UPDATE audit_chain_head SET last_sequence = NEW.chain_sequence, last_hash = NEW.row_hash
     WHERE chain_key = NEW.chain_key;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_audit_log_chain_append BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain_append();

--changeset evo-ai:021-audit-log-chain-backfill splitStatements:false
--comment: Chains the rows written before the chain existed, oldest first, with the same rules as the trigger.
DO $$
DECLARE
    entry audit_log%ROWTYPE;
    head audit_chain_head%ROWTYPE;
BEGIN
    FOR entry IN SELECT * FROM audit_log WHERE row_hash IS NULL ORDER BY created_at, id LOOP
        entry.actor_user_id := entry.user_id;
        entry.chain_key := coalesce(entry.client_id::text, 'platform');
        SELECT * INTO head FROM audit_chain_head WHERE chain_key = entry.chain_key;
        IF NOT FOUND THEN
            head := ROW(entry.chain_key, 1, repeat('0', 64), 0, repeat('0', 64));
            INSERT INTO audit_chain_head VALUES (head.*);
        END IF;
        entry.chain_sequence := head.last_sequence + 1;
        entry.previous_hash := head.last_hash;
        entry.row_hash := audit_log_row_hash(entry);
        UPDATE audit_log SET actor_user_id = entry.actor_user_id, chain_key = entry.chain_key,
                             chain_sequence = entry.chain_sequence, previous_hash = entry.previous_hash,
                             row_hash = entry.row_hash
         WHERE id = entry.id;
        UPDATE audit_chain_head SET last_sequence = entry.chain_sequence, last_hash = entry.row_hash
         WHERE chain_key = entry.chain_key;
    END LOOP;
END;
$$;

--changeset evo-ai:021-audit-log-chain-constraints
ALTER TABLE audit_log
    ALTER COLUMN chain_key SET NOT NULL,
    ALTER COLUMN chain_sequence SET NOT NULL,
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX uq_audit_log_chain_key_chain_sequence ON audit_log (chain_key, chain_sequence);

--changeset evo-ai:021-audit-log-append-only splitStatements:false
--comment: The trail is append-only. The database rejects UPDATE, DELETE and TRUNCATE with two exceptions:
--comment: the retention purge, which sets evo.audit_purge for its own transaction, and the ON DELETE SET NULL
--comment: of user_id when a user is deleted, which may change user_id to NULL and nothing else. This guards
--comment: against the service and its operators' mistakes; a database superuser can still drop the trigger, and
--comment: the hash chain is what reveals such a change.
CREATE FUNCTION audit_log_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('evo.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.user_id IS NOT NULL AND NEW.user_id IS NULL
       AND (to_jsonb(NEW) - 'user_id') = (to_jsonb(OLD) - 'user_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % is rejected; use the purge-audit command for retention', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER trg_audit_log_reject_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
CREATE TRIGGER trg_audit_log_reject_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
