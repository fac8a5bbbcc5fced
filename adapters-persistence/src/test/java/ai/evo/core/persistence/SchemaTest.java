package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.persistence.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads PostgreSQL's catalog after migration and compares it with the data model, table by table. */
class SchemaTest {
    private static TestDatabase database;
    private static Handle handle;

    /** A column as information_schema reports it. */
    record Column(String type, boolean nullable, String defaultValue) {
    }

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        handle = Jdbi.open(database.unpooledDataSource());
    }

    @AfterAll
    static void drop() {
        handle.close();
        database.close();
    }

    private static Column column(String type, boolean nullable, String defaultValue) {
        return new Column(type, nullable, defaultValue);
    }

    private static final String UUID_DEFAULT = "uuid_generate_v4()";
    private static final String NOW = "now()";
    private static final String TIMESTAMPTZ = "timestamp with time zone";

    private static final Map<String, Map<String, Column>> EXPECTED_COLUMNS = Map.of(
            "user", Map.ofEntries(
                    Map.entry("id", column("uuid", false, UUID_DEFAULT)),
                    Map.entry("email", column("character varying(255)", false, null)),
                    Map.entry("password_hash", column("character varying(255)", false, null)),
                    Map.entry("client_id", column("uuid", true, null)),
                    Map.entry("is_active", column("boolean", true, "false")),
                    Map.entry("email_verified", column("boolean", true, "false")),
                    Map.entry("is_admin", column("boolean", true, "false")),
                    Map.entry("failed_login_attempts", column("integer", true, "0")),
                    Map.entry("locked_until", column("timestamp without time zone", true, null)),
                    Map.entry("created_at", column(TIMESTAMPTZ, true, NOW)),
                    Map.entry("updated_at", column(TIMESTAMPTZ, true, NOW)),
                    Map.entry("token_version", column("bigint", false, "0"))),
            "one_time_token", Map.of(
                    "id", column("uuid", false, null),
                    "user_id", column("uuid", false, null),
                    "purpose", column("character varying(32)", false, null),
                    "token_hash", column("character(64)", false, null),
                    "expires_at", column(TIMESTAMPTZ, false, null),
                    "used_at", column(TIMESTAMPTZ, true, null),
                    "created_at", column(TIMESTAMPTZ, false, NOW)),
            "mail_outbox", Map.of(
                    "id", column("uuid", false, null),
                    "recipient", column("character varying(255)", false, null),
                    "subject", column("character varying(255)", false, null),
                    "body_encrypted", column("text", true, null),
                    "attempts", column("integer", false, "0"),
                    "next_attempt_at", column(TIMESTAMPTZ, false, NOW),
                    "last_error", column("text", true, null),
                    "sent_at", column(TIMESTAMPTZ, true, null),
                    "created_at", column(TIMESTAMPTZ, false, NOW)),
            "client", Map.of(
                    "id", column("uuid", false, UUID_DEFAULT),
                    "name", column("character varying(255)", false, null),
                    "email", column("character varying(255)", false, null),
                    "created_at", column(TIMESTAMPTZ, true, NOW),
                    "updated_at", column(TIMESTAMPTZ, true, NOW)),
            "agent", Map.ofEntries(
                    Map.entry("id", column("uuid", false, UUID_DEFAULT)),
                    Map.entry("client_id", column("uuid", false, null)),
                    Map.entry("name", column("character varying(255)", false, null)),
                    Map.entry("description", column("text", true, null)),
                    Map.entry("type", column("character varying(50)", false, null)),
                    Map.entry("model", column("character varying(255)", true, null)),
                    Map.entry("api_key", column("text", true, null)),
                    Map.entry("instruction", column("text", true, null)),
                    Map.entry("config_json", column("jsonb", false, "'{}'::jsonb")),
                    Map.entry("created_at", column(TIMESTAMPTZ, true, NOW)),
                    Map.entry("updated_at", column(TIMESTAMPTZ, true, NOW))),
            "contact", Map.of(
                    "id", column("uuid", false, UUID_DEFAULT),
                    "client_id", column("uuid", false, null),
                    "ext_id", column("character varying(255)", true, null),
                    "name", column("character varying(255)", false, null),
                    "meta", column("jsonb", false, "'{}'::jsonb"),
                    "created_at", column(TIMESTAMPTZ, true, NOW),
                    "updated_at", column(TIMESTAMPTZ, true, NOW)),
            "mcp_server", Map.of(
                    "id", column("uuid", false, UUID_DEFAULT),
                    "name", column("character varying(255)", false, null),
                    "description", column("text", true, null),
                    "config_json", column("jsonb", false, "'{}'::jsonb"),
                    "environments", column("jsonb", false, "'{}'::jsonb"),
                    "tools", column("jsonb", false, "'[]'::jsonb"),
                    "type", column("character varying(50)", false, null),
                    "created_at", column(TIMESTAMPTZ, true, NOW),
                    "updated_at", column(TIMESTAMPTZ, true, NOW)),
            "tool", Map.of(
                    "id", column("uuid", false, UUID_DEFAULT),
                    "name", column("character varying(255)", false, null),
                    "description", column("text", true, null),
                    "config_json", column("jsonb", false, "'{}'::jsonb"),
                    "environments", column("jsonb", false, "'{}'::jsonb"),
                    "created_at", column(TIMESTAMPTZ, true, NOW),
                    "updated_at", column(TIMESTAMPTZ, true, NOW)),
            "conversation", Map.of(
                    "id", column("uuid", false, UUID_DEFAULT),
                    "agent_id", column("uuid", false, null),
                    "contact_id", column("uuid", false, null),
                    "message", column("text", false, null),
                    "response", column("text", false, null),
                    "meta", column("jsonb", false, "'{}'::jsonb"),
                    "created_at", column(TIMESTAMPTZ, true, NOW)),
            "audit_log", Map.of(
                    "id", column("uuid", false, UUID_DEFAULT),
                    "user_id", column("uuid", true, null),
                    "client_id", column("uuid", true, null),
                    "action", column("character varying(50)", false, null),
                    "resource_type", column("character varying(50)", false, null),
                    "resource_id", column("uuid", true, null),
                    "details", column("jsonb", false, "'{}'::jsonb"),
                    "ip_address", column("character varying(45)", true, null),
                    "user_agent", column("text", true, null),
                    "created_at", column(TIMESTAMPTZ, true, NOW)));

    private Map<String, Column> actualColumns(String table) {
        return handle.createQuery("""
                        SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
                               NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default_value
                        FROM pg_attribute a
                        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                        WHERE a.attrelid = CAST(quote_ident(:table) AS regclass) AND a.attnum > 0
                          AND NOT a.attisdropped
                        """)
                .bind("table", table)
                .reduceRows(new java.util.HashMap<String, Column>(), (columns, row) -> {
                    columns.put(row.getColumn("name", String.class), new Column(
                            row.getColumn("type", String.class),
                            row.getColumn("nullable", Boolean.class),
                            row.getColumn("default_value", String.class)));
                    return columns;
                });
    }

    @Test
    void tablesMatchTheDataModel() {
        List<String> tables = handle.createQuery("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_name NOT LIKE 'databasechangelog%'
                        """)
                .mapTo(String.class)
                .list();

        assertThat(tables).containsExactlyInAnyOrderElementsOf(EXPECTED_COLUMNS.keySet());
    }

    @Test
    void columnsMatchTheDataModel() {
        for (Map.Entry<String, Map<String, Column>> table : EXPECTED_COLUMNS.entrySet()) {
            assertThat(actualColumns(table.getKey()))
                    .as("columns of %s", table.getKey())
                    .isEqualTo(table.getValue());
        }
    }

    @Test
    void uniqueConstraintsMatchTheDataModel() {
        Set<String> unique = handle.createQuery("""
                        SELECT conrelid::regclass::text || '(' || string_agg(a.attname, ',' ORDER BY a.attnum) || ')'
                        FROM pg_constraint c
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                        WHERE c.contype = 'u' AND c.connamespace = 'public'::regnamespace
                        GROUP BY c.oid, c.conrelid
                        """)
                .mapTo(String.class)
                .collect(Collectors.toSet());

        assertThat(unique).containsExactlyInAnyOrder("\"user\"(email)", "mcp_server(name)", "tool(name)",
                "one_time_token(token_hash)");
    }

    @Test
    void primaryKeysAreTheIdColumns() {
        Set<String> primaryKeys = handle.createQuery("""
                        SELECT conrelid::regclass::text || '(' || pg_get_constraintdef(oid) || ')'
                        FROM pg_constraint WHERE contype = 'p' AND connamespace = 'public'::regnamespace
                          AND conrelid::regclass::text NOT LIKE 'databasechangelog%'
                        """)
                .mapTo(String.class)
                .collect(Collectors.toSet());

        assertThat(primaryKeys).containsExactlyInAnyOrder(
                "\"user\"(PRIMARY KEY (id))", "client(PRIMARY KEY (id))", "agent(PRIMARY KEY (id))",
                "contact(PRIMARY KEY (id))", "mcp_server(PRIMARY KEY (id))", "tool(PRIMARY KEY (id))",
                "conversation(PRIMARY KEY (id))", "audit_log(PRIMARY KEY (id))",
                "one_time_token(PRIMARY KEY (id))", "mail_outbox(PRIMARY KEY (id))");
    }

    @Test
    void foreignKeysMatchTheDataModel() {
        Set<String> foreignKeys = handle.createQuery("""
                        SELECT conrelid::regclass::text || ': ' || pg_get_constraintdef(oid)
                        FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
                        """)
                .mapTo(String.class)
                .collect(Collectors.toSet());

        assertThat(foreignKeys).containsExactlyInAnyOrder(
                "\"user\": FOREIGN KEY (client_id) REFERENCES client(id) ON DELETE CASCADE",
                "agent: FOREIGN KEY (client_id) REFERENCES client(id) ON DELETE CASCADE",
                "contact: FOREIGN KEY (client_id) REFERENCES client(id) ON DELETE CASCADE",
                "conversation: FOREIGN KEY (agent_id) REFERENCES agent(id) ON DELETE CASCADE",
                "conversation: FOREIGN KEY (contact_id) REFERENCES contact(id) ON DELETE CASCADE",
                "audit_log: FOREIGN KEY (user_id) REFERENCES \"user\"(id) ON DELETE SET NULL",
                "one_time_token: FOREIGN KEY (user_id) REFERENCES \"user\"(id) ON DELETE CASCADE");
    }

    @Test
    void indexesOfTheDataModelExist() {
        Map<String, String> indexes = handle.createQuery("""
                        SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
                        """)
                .setMapKeyColumn("indexname")
                .setMapValueColumn("indexdef")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {
                });

        Map<String, String> expected = Map.ofEntries(
                Map.entry("idx_user_email", "ON public.\"user\" USING btree (email)"),
                Map.entry("idx_user_client_id", "ON public.\"user\" USING btree (client_id)"),
                Map.entry("idx_agent_client_id", "ON public.agent USING btree (client_id)"),
                Map.entry("idx_agent_name", "ON public.agent USING btree (name)"),
                Map.entry("idx_contact_client_id", "ON public.contact USING btree (client_id)"),
                Map.entry("idx_contact_ext_id", "ON public.contact USING btree (ext_id)"),
                Map.entry("idx_conversation_agent_id", "ON public.conversation USING btree (agent_id)"),
                Map.entry("idx_conversation_contact_id", "ON public.conversation USING btree (contact_id)"),
                Map.entry("idx_conversation_created_at", "ON public.conversation USING btree (created_at)"),
                Map.entry("idx_audit_log_user_id", "ON public.audit_log USING btree (user_id)"),
                Map.entry("idx_audit_log_resource_type", "ON public.audit_log USING btree (resource_type)"),
                Map.entry("idx_audit_log_resource_id", "ON public.audit_log USING btree (resource_id)"),
                Map.entry("idx_audit_log_created_at", "ON public.audit_log USING btree (created_at)"),
                Map.entry("idx_audit_log_client_id_created_at_id",
                        "ON public.audit_log USING btree (client_id, created_at DESC, id DESC)"),
                Map.entry("idx_agent_client_id_created_at_id",
                        "ON public.agent USING btree (client_id, created_at, id)"),
                Map.entry("idx_contact_client_id_created_at_id",
                        "ON public.contact USING btree (client_id, created_at, id)"),
                Map.entry("uq_agent_client_id_name", "ON public.agent USING btree (client_id, name)"));
        for (Map.Entry<String, String> index : expected.entrySet()) {
            assertThat(indexes).as("index %s", index.getKey()).containsKey(index.getKey());
            assertThat(indexes.get(index.getKey())).as("definition of %s", index.getKey()).endsWith(index.getValue());
        }
        assertThat(indexes.get("uq_agent_client_id_name")).startsWith("CREATE UNIQUE INDEX");
        assertThat(indexes.get("idx_user_email")).startsWith("CREATE INDEX");
    }

    @Test
    void everyUpdatedAtColumnHasTheTrigger() {
        Set<String> triggers = handle.createQuery("""
                        SELECT event_object_table FROM information_schema.triggers
                        WHERE trigger_schema = 'public' AND event_manipulation = 'UPDATE'
                          AND action_timing = 'BEFORE' AND action_statement = 'EXECUTE FUNCTION set_updated_at()'
                        """)
                .mapTo(String.class)
                .collect(Collectors.toSet());

        Set<String> tablesWithUpdatedAt = EXPECTED_COLUMNS.entrySet().stream()
                .filter(table -> table.getValue().containsKey("updated_at"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(triggers).isEqualTo(tablesWithUpdatedAt);
    }

    @Test
    void uuidOsspExtensionIsInstalled() {
        List<String> extensions = handle.createQuery("SELECT extname FROM pg_extension").mapTo(String.class).list();

        assertThat(extensions).contains("uuid-ossp");
    }
}
