--liquibase formatted sql

--changeset evo-ai:006-contact-ext-id-unique-per-client
--comment: A contact's ext_id (its id in a messaging channel) is unique within its client when present. The
--comment: partial unique index enforces that under concurrent inserts and is the conflict target of the atomic
--comment: find-or-create (INSERT ... ON CONFLICT (client_id, ext_id) WHERE ext_id IS NOT NULL DO NOTHING).
CREATE UNIQUE INDEX uq_contact_client_id_ext_id ON contact (client_id, ext_id) WHERE ext_id IS NOT NULL;

--changeset evo-ai:006-agent-config-references
--comment: Deleting an agent, tool or MCP server looks up the agents whose config_json lists it, with jsonb
--comment: containment (@>) on sub_agents, tools and mcp_servers. A GIN index with jsonb_path_ops serves those
--comment: containment queries without reading every agent.
CREATE INDEX idx_agent_config_json ON agent USING GIN (config_json jsonb_path_ops);
