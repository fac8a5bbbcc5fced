--liquibase formatted sql

--changeset evo-ai:004-keyset-indexes
--comment: Listings page by keyset on (created_at, id), inside a tenant where there is one. Each index below
--comment: matches one listing's WHERE and ORDER BY, so reading any page is an index range scan.
CREATE INDEX idx_client_created_at_id ON client (created_at, id);
CREATE INDEX idx_agent_client_id_created_at_id ON agent (client_id, created_at, id);
CREATE INDEX idx_contact_client_id_created_at_id ON contact (client_id, created_at, id);
CREATE INDEX idx_tool_created_at_id ON tool (created_at, id);
CREATE INDEX idx_mcp_server_created_at_id ON mcp_server (created_at, id);
CREATE INDEX idx_conversation_contact_id_created_at_id ON conversation (contact_id, created_at DESC, id DESC);
CREATE INDEX idx_audit_log_created_at_id ON audit_log (created_at DESC, id DESC);

--changeset evo-ai:004-agent-name-unique-per-client
--comment: An agent's name is unique within its client. The unique index enforces that under concurrent inserts,
--comment: where a read-then-insert check would not.
CREATE UNIQUE INDEX uq_agent_client_id_name ON agent (client_id, name);
