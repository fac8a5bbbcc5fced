package ai.evo.core.domain.testing;

import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolId;
import ai.evo.core.domain.tool.ToolRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tool catalog in a map, for unit tests of the use cases. Enforces unique names. Thread-safe. */
public final class InMemoryToolRepository implements ToolRepository {
    private final Map<ToolId, Tool> rows = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param clock supplies the timestamps
     */
    public InMemoryToolRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Tool insert(Tool tool) {
        requireUniqueName(tool);
        Instant now = clock.instant();
        Tool stored = new Tool(tool.id(), tool.name(), tool.description(), tool.configJson(), tool.environments(),
                now, now);
        rows.put(tool.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Tool> findById(ToolId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Tool> findByIdForUpdate(ToolId id) {
        return findById(id);
    }

    @Override
    public synchronized Optional<Tool> update(Tool tool) {
        Tool old = rows.get(tool.id());
        if (old == null) {
            return Optional.empty();
        }
        requireUniqueName(tool);
        Tool stored = new Tool(tool.id(), tool.name(), tool.description(), tool.configJson(), tool.environments(),
                old.createdAt(), clock.instant());
        rows.put(tool.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized boolean delete(ToolId id) {
        return rows.remove(id) != null;
    }

    @Override
    public synchronized Page<Tool> list(PageRequest page) {
        return KeysetPages.page(List.copyOf(rows.values()), page, Tool::createdAt, tool -> tool.id().value());
    }

    private void requireUniqueName(Tool tool) {
        if (rows.values().stream().anyMatch(other -> !other.id().equals(tool.id()) && other.name().equals(tool.name()))) {
            throw new ConflictException("a tool named " + tool.name() + " already exists");
        }
    }
}
