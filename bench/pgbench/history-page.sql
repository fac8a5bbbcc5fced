-- The first page (20 rows, read as 21 to detect a next page) of one contact's history, as
-- JdbiConversationRepository.list reads it. Contacts 1 to 1000 hold ten conversations at every data size.
\set k random(1, 1000)
SELECT cv.id, cv.agent_id, cv.contact_id, cv.message, cv.response, cv.meta, cv.created_at
  FROM conversation cv JOIN contact c ON c.id = cv.contact_id
 WHERE c.client_id = ('10000000-0000-4000-8000-' || lpad(to_hex((:k - 1) % 100 + 1), 12, '0'))::uuid
   AND cv.contact_id = ('30000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid
 ORDER BY cv.created_at DESC, cv.id DESC
 LIMIT 21;
