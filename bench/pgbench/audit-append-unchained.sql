-- The same insert with the chain trigger skipped (replica mode, superuser only) and placeholder chain values:
-- the baseline that shows what the hash chain costs. Run it only on a benchmark database, because the rows it
-- writes break the chain of the 'bench-unchained' key on purpose.
\set n random(1, 2000000000)
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO audit_log (id, user_id, client_id, action, resource_type, resource_id, details, ip_address, user_agent,
                       chain_key, chain_sequence, previous_hash, row_hash)
VALUES (gen_random_uuid(), NULL, '10000000-0000-4000-8000-000000000001', 'UPDATE', 'AGENT', gen_random_uuid(),
        '{"before": {"name": "a"}, "after": {"name": "b"}}', '127.0.0.1', 'pgbench',
        'bench-unchained', :n::bigint * 1000 + :client_id, repeat('0', 64), repeat('0', 64))
ON CONFLICT DO NOTHING;
COMMIT;
