package ai.evo.core.domain.mail;

import ai.evo.core.domain.common.EmailAddress;
import java.util.Objects;

/**
 * A plain-text email to one recipient. The body may contain a one-time link, so its {@link #toString()} leaves
 * the body out.
 *
 * @param to      the recipient
 * @param subject the subject line, a single line
 * @param body    the plain-text body
 */
public record MailMessage(EmailAddress to, String subject, String body) {
    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a mail subject must be a single line");
        }
    }

    @Override
    public String toString() {
        return "MailMessage[to=" + to + ", subject=" + subject + "]";
    }
}
