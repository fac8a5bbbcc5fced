package ai.evo.core.http;

import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The route table of the agent workspace: agents, contacts, and the tool and MCP server catalogs. Every route
 * needs a bearer token; tenant and role rules are the application services'.
 */
final class WorkspaceRoutes {

    private WorkspaceRoutes() {
    }

    static List<Route> table(HttpServices services, JsonBodies bodies, Json json, Paging paging,
                             BearerAuthentication bearer) {
        AgentRoutes agents = new AgentRoutes(services.agents(), bodies, json, paging);
        ContactRoutes contacts = new ContactRoutes(services.contacts(), bodies, json, paging);
        ToolRoutes tools = new ToolRoutes(services.tools(), bodies, json, paging);
        McpServerRoutes servers = new McpServerRoutes(services.mcpServers(), bodies, json, paging);
        String agent = AgentRoutes.COLLECTION + "/{" + AgentRoutes.ID + "}";
        String contact = ContactRoutes.COLLECTION + "/{" + ContactRoutes.ID + "}";
        String tool = ToolRoutes.COLLECTION + "/{" + ToolRoutes.ID + "}";
        String server = McpServerRoutes.COLLECTION + "/{" + McpServerRoutes.ID + "}";

        return List.of(
                Route.authenticated(HandlerType.POST, AgentRoutes.COLLECTION, bearer, agents::create),
                Route.authenticated(HandlerType.GET, AgentRoutes.COLLECTION, bearer, agents::list),
                Route.authenticated(HandlerType.GET, agent, bearer, agents::get),
                Route.authenticated(HandlerType.PUT, agent, bearer, agents::update),
                Route.authenticated(HandlerType.DELETE, agent, bearer, agents::delete),
                Route.authenticated(HandlerType.POST, ContactRoutes.COLLECTION, bearer, contacts::create),
                Route.authenticated(HandlerType.GET, ContactRoutes.COLLECTION, bearer, contacts::list),
                Route.authenticated(HandlerType.PUT, ContactRoutes.BY_EXT_ID, bearer, contacts::findOrCreate),
                Route.authenticated(HandlerType.GET, contact, bearer, contacts::get),
                Route.authenticated(HandlerType.PUT, contact, bearer, contacts::update),
                Route.authenticated(HandlerType.DELETE, contact, bearer, contacts::delete),
                Route.authenticated(HandlerType.POST, ToolRoutes.COLLECTION, bearer, tools::create),
                Route.authenticated(HandlerType.GET, ToolRoutes.COLLECTION, bearer, tools::list),
                Route.authenticated(HandlerType.GET, tool, bearer, tools::get),
                Route.authenticated(HandlerType.PUT, tool, bearer, tools::update),
                Route.authenticated(HandlerType.DELETE, tool, bearer, tools::delete),
                Route.authenticated(HandlerType.POST, McpServerRoutes.COLLECTION, bearer, servers::create),
                Route.authenticated(HandlerType.GET, McpServerRoutes.COLLECTION, bearer, servers::list),
                Route.authenticated(HandlerType.GET, server, bearer, servers::get),
                Route.authenticated(HandlerType.PUT, server, bearer, servers::update),
                Route.authenticated(HandlerType.DELETE, server, bearer, servers::delete));
    }
}
