package ai.evo.core.domain.conversation;

import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.contact.ContactId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A conversation as a caller sends it, before validation. Any field may be null here, because
 * {@link #validate(Validator, String)} reports every missing or invalid field at once.
 *
 * @param agentId   the agent that responded
 * @param contactId the contact that wrote
 * @param message   what the contact sent; required and not blank
 * @param response  what the agent replied; required, may be empty
 * @param meta      free JSON-compatible attributes, or null for none
 */
public record ConversationDraft(
        AgentId agentId,
        ContactId contactId,
        String message,
        String response,
        Map<String, Object> meta) {

    /** Maximum length of a message or response, in Unicode code points. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    public ConversationDraft {
        meta = meta == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /**
     * Checks every field and records each problem under {@code prefix}, for example {@code items[3].message}.
     *
     * @param validator collects the errors
     * @param prefix    the path of this draft in the request, empty for a request that is the draft itself
     */
    public void validate(Validator validator, String prefix) {
        if (agentId == null) {
            validator.reject(prefix + "agent_id", "is required");
        }
        if (contactId == null) {
            validator.reject(prefix + "contact_id", "is required");
        }
        StorableText.required(validator, prefix + "message", message, MAX_TEXT_LENGTH);
        if (response == null) {
            validator.reject(prefix + "response", "is required; send an empty string when the agent did not answer");
        } else {
            StorableText.optional(validator, prefix + "response", response, MAX_TEXT_LENGTH);
        }
        StorableText.json(validator, prefix + "meta", meta);
    }
}
