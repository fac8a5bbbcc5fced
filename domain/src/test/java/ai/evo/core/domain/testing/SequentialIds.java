package ai.evo.core.domain.testing;

import ai.evo.core.domain.common.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids 00000000-0000-7000-8000-000000000001, ...02 and so on, for unit tests. Thread-safe. */
public final class SequentialIds implements IdGenerator {
    private final AtomicLong next = new AtomicLong(1);

    @Override
    public UUID newId() {
        return new UUID(0x7000L, 0x8000_0000_0000_0000L | next.getAndIncrement());
    }
}
