--liquibase formatted sql

--changeset evo-ai:003-audit-log-client-id
--comment: The tenant whose trail contains the entry. It has no foreign key, because the trail of a client must
--comment: outlive the client's deletion, which is itself an audited action.
ALTER TABLE audit_log ADD COLUMN client_id UUID NULL;
CREATE INDEX idx_audit_log_client_id_created_at_id ON audit_log (client_id, created_at DESC, id DESC);
