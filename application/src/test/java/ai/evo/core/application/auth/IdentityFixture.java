package ai.evo.core.application.auth;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.FakePasswordHasher;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
import ai.evo.core.domain.testing.InMemoryClientRepository;
import ai.evo.core.domain.testing.InMemoryMailOutbox;
import ai.evo.core.domain.testing.InMemoryOneTimeTokens;
import ai.evo.core.domain.testing.InMemoryUserRepository;
import ai.evo.core.domain.testing.MutableClock;
import ai.evo.core.domain.testing.SequentialIds;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.PasswordPolicy;
import ai.evo.core.domain.user.PasswordRules;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The in-memory ports and settings that the account service tests share. */
public final class IdentityFixture {
    /** A password that every rule accepts. */
    public static final String PASSWORD = "a long enough passphrase";
    /** The origin of every test request. */
    public static final RequestOrigin ORIGIN = new RequestOrigin("198.51.100.4", "test-agent");
    private static final Set<String> COMMON = Set.of("passwordpassword123", "correcthorsebattery");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final InMemoryUserRepository users = new InMemoryUserRepository(clock);
    public final InMemoryClientRepository clients = new InMemoryClientRepository(clock);
    public final InMemoryOneTimeTokens tokens = new InMemoryOneTimeTokens();
    public final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    public final InMemoryAuditTrail trail = new InMemoryAuditTrail(clock);
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final SequentialIds ids = new SequentialIds();
    public final IdentityDependencies deps = new IdentityDependencies(new DirectTransactions(), users, clients,
            tokens, outbox, hasher,
            new PasswordRules(PasswordPolicy.DEFAULT,
                    password -> COMMON.contains(password.toLowerCase(Locale.ROOT))),
            new LockoutPolicy(3, Duration.ofMinutes(15)), new AuditRecorder(trail, ids), ids, clock,
            IdentitySettings.withDefaults("https://evo.example.test/"));

    /** Adds an active, verified user of a new client. */
    public User addClientUser(String email) {
        Client client = clients.insert(new ClientId(ids.newId()),
                ClientDetails.of("Client of " + email, "ops@example.test"));
        return addUser(email, client.id(), false);
    }

    /** Adds an active, verified user of a client, or an admin when {@code admin} is true. */
    public User addUser(String email, ClientId client, boolean admin) {
        return users.insert(new NewUser(new UserId(ids.newId()), EmailAddress.parse("email", email),
                hasher.hash(PASSWORD), client, true, true, admin));
    }

    /** Returns the caller for a stored user. */
    public static Caller callerOf(User user) {
        return new Caller(user.id(), user.admin(), user.clientId(), ORIGIN);
    }

    /** Returns the token in the body of the last queued mail. */
    public String lastMailedToken() {
        var messages = outbox.messages();
        Matcher matcher = TOKEN.matcher(messages.get(messages.size() - 1).body());
        if (!matcher.find()) {
            throw new AssertionError("the last mail carries no token: " + messages.get(messages.size() - 1));
        }
        return matcher.group();
    }
}
