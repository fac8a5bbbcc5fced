-- Appending an audit row to the chain of one of 100 clients, as a multi-tenant load does.
\set c random(1, 100)
INSERT INTO audit_log (id, user_id, client_id, action, resource_type, resource_id, details, ip_address, user_agent)
VALUES (gen_random_uuid(), NULL, ('10000000-0000-4000-8000-' || lpad(to_hex(:c), 12, '0'))::uuid, 'UPDATE', 'AGENT',
        gen_random_uuid(), '{"before": {"name": "a"}, "after": {"name": "b"}}', '127.0.0.1', 'pgbench');
