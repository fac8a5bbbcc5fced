-- Creates an agent with its audit row in one transaction, as the agent use case does.
-- The api_key text has about the length of the service's stored form (v1: and the base64 of an AES-GCM
-- ciphertext). The encryption itself is work that only the service does.
\set c random(1, 100)
BEGIN;
INSERT INTO agent (id, client_id, name, description, type, model, api_key, instruction, config_json)
VALUES (gen_random_uuid(), ('10000000-0000-4000-8000-' || lpad(to_hex(:c), 12, '0'))::uuid,
        'pgbench-' || gen_random_uuid(), 'created by pgbench', 'llm', 'bench-model',
        'v1:' || md5(random()::text) || md5(random()::text) || md5(random()::text), 'Answer briefly.', '{}')
RETURNING id, client_id, name, description, type, model, api_key, instruction, config_json, created_at, updated_at;
INSERT INTO audit_log (id, user_id, client_id, action, resource_type, resource_id, details, ip_address, user_agent)
VALUES (gen_random_uuid(), NULL, ('10000000-0000-4000-8000-' || lpad(to_hex(:c), 12, '0'))::uuid,
        'CREATE', 'AGENT', gen_random_uuid(),
        '{"before": null, "after": {"name": "pgbench", "type": "llm", "model": "bench-model"}}', '127.0.0.1', 'pgbench')
RETURNING id, created_at;
COMMIT;
