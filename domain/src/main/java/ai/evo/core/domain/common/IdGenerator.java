package ai.evo.core.domain.common;

import java.util.UUID;

/** Source of new identifiers. Implementations must be safe for concurrent use. */
@FunctionalInterface
public interface IdGenerator {

    /** Returns a new identifier that no other call has returned. */
    UUID newId();
}
