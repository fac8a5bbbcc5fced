-- Appending one conversation as ConversationService.append does: check the agent and the contact in the
-- client, insert the conversation, and append its audit row (whose trigger extends the client's hash chain),
-- all in one transaction. Contacts 1001 and up are used so the history pages stay the same.
\set k random(1001, 100000)
\set r random(0, 19)
BEGIN;
SELECT id FROM agent
 WHERE client_id = ('10000000-0000-4000-8000-' || lpad(to_hex((:k - 1) % 100 + 1), 12, '0'))::uuid
   AND id = ('20000000-0000-4000-8000-' || lpad(to_hex((:k - 1) % 100 + 1 + 100 * :r), 12, '0'))::uuid;
SELECT id FROM contact
 WHERE client_id = ('10000000-0000-4000-8000-' || lpad(to_hex((:k - 1) % 100 + 1), 12, '0'))::uuid
   AND id = ('30000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid;
INSERT INTO conversation (id, agent_id, contact_id, message, response, meta)
VALUES (gen_random_uuid(),
        ('20000000-0000-4000-8000-' || lpad(to_hex((:k - 1) % 100 + 1 + 100 * :r), 12, '0'))::uuid,
        ('30000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid,
        repeat('m', 200), repeat('r', 200), '{"tokens": 42}')
RETURNING id, agent_id, contact_id, message, response, meta, created_at;
INSERT INTO audit_log (id, user_id, client_id, action, resource_type, resource_id, details, ip_address, user_agent)
VALUES (gen_random_uuid(), NULL,
        ('10000000-0000-4000-8000-' || lpad(to_hex((:k - 1) % 100 + 1), 12, '0'))::uuid,
        'CREATE', 'CONVERSATION', gen_random_uuid(),
        '{"before": null, "after": {"message_length": 200, "response_length": 200}}', '127.0.0.1', 'pgbench')
RETURNING id, created_at;
COMMIT;
