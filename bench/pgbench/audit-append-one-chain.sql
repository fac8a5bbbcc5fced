-- Appending an audit row to one client's chain from every connection: the worst case, where the trigger's
-- advisory lock serializes all writers.
INSERT INTO audit_log (id, user_id, client_id, action, resource_type, resource_id, details, ip_address, user_agent)
VALUES (gen_random_uuid(), NULL, '10000000-0000-4000-8000-000000000001', 'UPDATE', 'AGENT', gen_random_uuid(),
        '{"before": {"name": "a"}, "after": {"name": "b"}}', '127.0.0.1', 'pgbench');
