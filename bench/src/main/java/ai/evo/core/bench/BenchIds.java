package ai.evo.core.bench;

import java.util.UUID;

/**
 * Deterministic ids of the generated data, so load scripts can compute an id from a number instead of reading
 * it from the database. Entity {@code n} of a kind has the id {@code <prefix>-0000-4000-8000-<n as 12 hex digits>}.
 */
final class BenchIds {
    static final String CLIENT = "10000000";
    static final String AGENT = "20000000";
    static final String CONTACT = "30000000";
    static final String CONVERSATION = "40000000";
    static final String AUDIT = "50000000";
    static final String USER = "60000000";

    private BenchIds() {
    }

    static UUID of(String prefix, long n) {
        return UUID.fromString(prefix + "-0000-4000-8000-" + String.format("%012x", n));
    }

    /** Returns the client (1-based) that owns contact {@code contact} when there are {@code clients} clients. */
    static long clientOfContact(long contact, long clients) {
        return (contact - 1) % clients + 1;
    }

    /** Returns the client (1-based) that owns agent {@code agent} when there are {@code clients} clients. */
    static long clientOfAgent(long agent, long clients) {
        return (agent - 1) % clients + 1;
    }
}
