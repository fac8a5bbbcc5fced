package ai.evo.core.domain.testing;

import ai.evo.core.domain.user.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** Reversible stand-in for bcrypt that counts verifications, for unit tests of the use cases. Thread-safe. */
public final class FakePasswordHasher implements PasswordHasher {
    private static final String PREFIX = "fake$";
    private final AtomicInteger verifications = new AtomicInteger();

    @Override
    public String hash(String password) {
        return PREFIX + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        verifications.incrementAndGet();
        return hash.equals(PREFIX + password);
    }

    /** Returns how many times {@link #matches} ran. */
    public int verifications() {
        return verifications.get();
    }
}
