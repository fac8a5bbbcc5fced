package ai.evo.core.mail;

import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.mail.MailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each message, links included, to the log instead of sending it, so that a service without an SMTP
 * server still lets its operator follow verification and reset links. The log then contains working one-time
 * tokens, so use it for development and evaluation only. Thread-safe.
 */
public final class LoggingMailSender implements MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingMailSender.class);

    @Override
    public void send(MailMessage message) {
        LOG.info("mail not sent because no SMTP server is configured; to={} subject=\"{}\"\n{}", message.to(),
                message.subject(), message.body());
    }
}
