package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.domain.conversation.ConversationQuery;
import ai.evo.core.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationHistoryTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static List<Conversation> drafts(Agent agent, Contact contact, int count) {
        List<Conversation> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(new Conversation(new ConversationId(fixtures.newId()), agent.id(), contact.id(),
                    "message " + i, "response " + i, Map.of("i", i), Fixtures.IGNORED));
        }
        return drafts;
    }

    private static String explain(String sql) {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = database.unpooledDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE conversation");
            statement.execute("ANALYZE contact");
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN failed: " + e.getMessage(), e);
        }
        return plan.toString();
    }

    @Test
    void insertAllStoresInOrder() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());

        List<Conversation> stored = persistence.transactions().inTransaction(
                () -> persistence.conversations().insertAll(drafts(agent, contact, 5)));

        assertThat(stored).extracting(Conversation::message)
                .containsExactly("message 0", "message 1", "message 2", "message 3", "message 4");
        assertThat(stored).allSatisfy(c -> assertThat(c.createdAt()).isNotNull());
        assertThat(persistence.conversations().findById(client.id(), stored.get(3).id())).contains(stored.get(3));
    }

    @Test
    void pagesCoverHistoryOnceNewestFirst() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());
        List<Conversation> stored = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Separate transactions give separate creation times; rows of one transaction tie on time and
            // are ordered by id.
            stored.addAll(persistence.transactions().inTransaction(
                    () -> persistence.conversations().insertAll(drafts(agent, contact, 4))));
        }

        List<Conversation> seen = new ArrayList<>();
        PageRequest request = new PageRequest(5, Optional.empty());
        while (true) {
            Page<Conversation> page = persistence.conversations().list(client.id(),
                    ConversationQuery.ofContact(contact.id()), request);
            seen.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = new PageRequest(5, page.next());
        }

        assertThat(seen).hasSize(12);
        assertThat(seen).doesNotHaveDuplicates();
        for (int i = 1; i < seen.size(); i++) {
            Conversation newer = seen.get(i - 1);
            Conversation older = seen.get(i);
            assertThat(newer.createdAt().isAfter(older.createdAt())
                    || newer.createdAt().equals(older.createdAt())
                    && newer.id().value().compareTo(older.id().value()) > 0)
                    .as("row %d is older than row %d", i, i - 1)
                    .isTrue();
        }
    }

    @Test
    void listFiltersByAgentAndStaysInTenant() {
        Client client = fixtures.client();
        Client other = fixtures.client();
        Agent first = fixtures.agent(client.id());
        Agent second = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());
        Agent otherAgent = fixtures.agent(other.id());
        Contact otherContact = fixtures.contact(other.id());
        fixtures.conversation(first, contact, "by first");
        fixtures.conversation(second, contact, "by second");
        fixtures.conversation(otherAgent, otherContact, "other tenant");

        Page<Conversation> bySecond = persistence.conversations().list(client.id(),
                new ConversationQuery(Optional.empty(), Optional.of(second.id()), Optional.empty(), Optional.empty()),
                PageRequest.first());
        Page<Conversation> all = persistence.conversations().list(client.id(), ConversationQuery.all(),
                PageRequest.first());
        Page<Conversation> foreignContact = persistence.conversations().list(client.id(),
                ConversationQuery.ofContact(otherContact.id()), PageRequest.first());

        assertThat(bySecond.items()).extracting(Conversation::message).containsExactly("by second");
        assertThat(all.items()).extracting(Conversation::message).containsExactlyInAnyOrder("by first", "by second");
        assertThat(foreignContact.items()).isEmpty();
    }

    @Test
    void exportStreamsOldestFirst() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());
        persistence.transactions().inTransaction(
                () -> persistence.conversations().insertAll(drafts(agent, contact, 1200)));
        List<String> streamed = new ArrayList<>();

        long count = persistence.conversations().forEachOfContact(client.id(), contact.id(),
                c -> streamed.add(c.message()));

        assertThat(count).isEqualTo(1200);
        assertThat(streamed).hasSize(1200).doesNotHaveDuplicates();
        Client other = fixtures.client();
        assertThat(persistence.conversations().forEachOfContact(other.id(), contact.id(), c -> { })).isZero();
    }

    @Test
    void contactDeletionErasesHistory() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());
        Conversation stored = fixtures.conversation(agent, contact, "to be erased");

        persistence.contacts().delete(client.id(), contact.id());

        assertThat(persistence.conversations().findById(client.id(), stored.id())).isEmpty();
    }

    @Test
    void historyQueryUsesCompositeIndex() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            contacts.add(fixtures.contact(client.id()));
        }
        for (Contact contact : contacts) {
            persistence.transactions().inTransaction(
                    () -> persistence.conversations().insertAll(drafts(agent, contact, 50)));
        }
        // A long history, where reading it in index order beats sorting it for one page.
        Contact target = contacts.get(7);
        for (int i = 0; i < 3; i++) {
            persistence.transactions().inTransaction(
                    () -> persistence.conversations().insertAll(drafts(agent, target, 1000)));
        }

        String plan = explain(JdbiConversationRepository.listSql(ConversationQuery.ofContact(target.id()),
                PageRequest.first())
                .replace(":clientId", "'" + client.id() + "'")
                .replace(":contactId", "'" + target.id() + "'")
                .replace(":limit", "21"));

        assertThat(plan).contains("idx_conversation_contact_id_created_at_id");
        assertThat(plan).doesNotContain("Sort ");

        // Page 26 of 20 rows: the cursor after row 500 of the history.
        Cursor afterRow500 = persistence.conversations().list(client.id(), ConversationQuery.ofContact(target.id()),
                new PageRequest(500, Optional.empty())).next().orElseThrow();
        PageRequest deep = new PageRequest(20, Optional.of(afterRow500));
        String deepPlan = explain(JdbiConversationRepository.listSql(ConversationQuery.ofContact(target.id()), deep)
                .replace(":clientId", "'" + client.id() + "'")
                .replace(":contactId", "'" + target.id() + "'")
                .replace(":afterCreatedAt", "'" + afterRow500.createdAt() + "'::timestamptz")
                .replace(":afterId", "'" + afterRow500.id() + "'")
                .replace(":limit", "21"));

        assertThat(deepPlan).contains("idx_conversation_contact_id_created_at_id");
        assertThat(deepPlan).doesNotContain("Sort ");
    }
}
