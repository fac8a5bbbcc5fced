package ai.evo.core.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings of an SMTP server.
 *
 * @param host     host name or address of the server
 * @param port     TCP port, 1 to 65535
 * @param username login name, or null to send without authentication
 * @param password login password, or null without authentication
 * @param from     sender address of every message
 * @param security how the connection is encrypted
 * @param timeout  limit for connecting, and for each read and write on the connection
 */
public record SmtpSettings(String host, int port, String username, String password, String from,
                           Security security, Duration timeout) {

    /** Encryption of the connection to the server. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS; sending fails when the server does not offer it. */
        STARTTLS_REQUIRED,
        /** Upgrade with STARTTLS when the server offers it, otherwise send in clear text. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        IMPLICIT_TLS,
        /** Clear text; only for a server on the same host or a trusted network. */
        NONE
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the SMTP host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535, got " + port);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("set both the SMTP user and password, or neither");
        }
    }

    /** Returns whether the sender logs in to the server. */
    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from
                + ", security=" + security + ", timeout=" + timeout + "]";
    }
}
