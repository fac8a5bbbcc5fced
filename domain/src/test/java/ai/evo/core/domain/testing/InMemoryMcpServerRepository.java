package ai.evo.core.domain.testing;

import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.mcpserver.McpServerRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** McpServer catalog in a map, for unit tests of the use cases. Enforces unique names. Thread-safe. */
public final class InMemoryMcpServerRepository implements McpServerRepository {
    private final Map<McpServerId, McpServer> rows = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param clock supplies the timestamps
     */
    public InMemoryMcpServerRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized McpServer insert(McpServer server) {
        requireUniqueName(server);
        Instant now = clock.instant();
        McpServer stored = new McpServer(server.id(), server.name(), server.description(), server.configJson(),
                server.environments(), server.tools(), server.type(), now, now);
        rows.put(server.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<McpServer> findById(McpServerId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<McpServer> findByIdForUpdate(McpServerId id) {
        return findById(id);
    }

    @Override
    public synchronized Optional<McpServer> update(McpServer server) {
        McpServer old = rows.get(server.id());
        if (old == null) {
            return Optional.empty();
        }
        requireUniqueName(server);
        McpServer stored = new McpServer(server.id(), server.name(), server.description(), server.configJson(),
                server.environments(), server.tools(), server.type(), old.createdAt(), clock.instant());
        rows.put(server.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized boolean delete(McpServerId id) {
        return rows.remove(id) != null;
    }

    @Override
    public synchronized Page<McpServer> list(PageRequest page) {
        return KeysetPages.page(List.copyOf(rows.values()), page, McpServer::createdAt, server -> server.id().value());
    }

    private void requireUniqueName(McpServer server) {
        if (rows.values().stream().anyMatch(other -> !other.id().equals(server.id()) && other.name().equals(server.name()))) {
            throw new ConflictException("an MCP server named " + server.name() + " already exists");
        }
    }
}
