package ai.evo.core.http.fakes;

import ai.evo.core.domain.user.PasswordHasher;

/** A reversible stand-in for bcrypt, so tests run fast. Never use outside tests. */
public final class PlainPasswordHasher implements PasswordHasher {
    private static final String PREFIX = "plain:";

    @Override
    public String hash(String password) {
        return PREFIX + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash.equals(PREFIX + password);
    }
}
