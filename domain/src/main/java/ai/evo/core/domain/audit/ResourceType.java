package ai.evo.core.domain.audit;

/** The kind of resource an audit entry is about. The stored value is the constant's name. */
public enum ResourceType {
    CLIENT,
    USER,
    AGENT,
    CONTACT,
    TOOL,
    MCP_SERVER,
    CONVERSATION,
    AUDIT_LOG
}
