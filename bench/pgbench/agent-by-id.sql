-- One agent by id, as JdbiAgentRepository.findById reads it. Agent :a belongs to client (:a - 1) % 100 + 1.
\set a random(1, 2000)
SELECT id, client_id, name, description, type, model, api_key, instruction, config_json, created_at, updated_at
  FROM agent
 WHERE client_id = ('10000000-0000-4000-8000-' || lpad(to_hex((:a - 1) % 100 + 1), 12, '0'))::uuid
   AND id = ('20000000-0000-4000-8000-' || lpad(to_hex(:a), 12, '0'))::uuid;
