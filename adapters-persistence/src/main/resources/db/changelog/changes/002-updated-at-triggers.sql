--liquibase formatted sql

--changeset evo-ai:002-set-updated-at-function splitStatements:false
--comment: Sets updated_at to the start time of the current transaction on every update, so no write path can
--comment: forget it. The six tables that have an updated_at column use it.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

--changeset evo-ai:002-updated-at-triggers
CREATE TRIGGER trg_client_updated_at BEFORE UPDATE ON client
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER trg_user_updated_at BEFORE UPDATE ON "user"
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER trg_agent_updated_at BEFORE UPDATE ON agent
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER trg_contact_updated_at BEFORE UPDATE ON contact
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER trg_mcp_server_updated_at BEFORE UPDATE ON mcp_server
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER trg_tool_updated_at BEFORE UPDATE ON tool
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
