--liquibase formatted sql

--changeset evo-ai:020-conversation-agent-history-index
--comment: The conversation listing filtered by agent reads newest first by (created_at, id), so each page is an
--comment: index range scan. The contact filter uses idx_conversation_contact_id_created_at_id.
CREATE INDEX idx_conversation_agent_id_created_at_id ON conversation (agent_id, created_at DESC, id DESC);

--changeset evo-ai:020-idempotency-key
--comment: Idempotency keys of retried writes and the first response sent for each. A row is claimed in the
--comment: transaction of the request it guards, so a failed request leaves no row. Rows are kept until
--comment: expires_at, at least 24 hours after the claim.
CREATE TABLE idempotency_key (
    scope VARCHAR(64) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint CHAR(64) NOT NULL,
    response_status INTEGER NULL,
    response_body TEXT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idx_idempotency_key_expires_at ON idempotency_key (expires_at);
