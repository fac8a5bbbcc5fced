package ai.evo.core.domain.audit;

/**
 * The network origin of a request, as recorded in the audit log.
 *
 * @param ipAddress the client's IP address, or null when unknown
 * @param userAgent the client's user agent, or null when not sent
 */
public record RequestOrigin(String ipAddress, String userAgent) {
    /** Maximum length of an address that fits the {@code varchar(45)} column (an IPv6 address with an embedded IPv4 one). */
    public static final int MAX_IP_LENGTH = 45;
    /** User agents are cut to this many characters; longer ones are padding, not information. */
    public static final int MAX_USER_AGENT_LENGTH = 512;
    /** Origin of work that no network request started, such as the start-up of the service. */
    public static final RequestOrigin INTERNAL = new RequestOrigin(null, null);

    public RequestOrigin {
        ipAddress = clean(ipAddress, MAX_IP_LENGTH);
        userAgent = clean(userAgent, MAX_USER_AGENT_LENGTH);
    }

    private static String clean(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(value.length(), maxLength));
        value.codePoints()
                .filter(c -> c >= 0x20 && c != 0x7F && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .limit(maxLength)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
