package ai.evo.core.mail;

import ai.evo.core.domain.mail.MailDeliveryException;
import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.mail.MailSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends mail over SMTP with Angus Mail, one connection per message. Server certificates are checked against
 * the JVM's trust store and the host name. Thread-safe.
 */
public final class SmtpMailSender implements MailSender {
    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final String protocol;

    /**
     * Creates the sender.
     *
     * @param settings the server and account
     * @throws IllegalArgumentException when the sender address is invalid
     */
    public SmtpMailSender(SmtpSettings settings) {
        this(settings, new Properties());
    }

    /**
     * Creates the sender with extra Jakarta Mail session properties, which override the computed ones.
     *
     * @param settings the server and account
     * @param extra    more session properties, for example a test trust store
     */
    SmtpMailSender(SmtpSettings settings, Properties extra) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.from = parseFrom(settings.from());
        this.protocol = settings.security() == SmtpSettings.Security.IMPLICIT_TLS ? "smtps" : "smtp";
        Properties properties = sessionProperties(settings, protocol);
        properties.putAll(extra);
        this.session = Session.getInstance(properties);
    }

    @Override
    public void send(MailMessage message) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to().value(), true));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            mime.saveChanges();
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new MailDeliveryException("failed to send mail through SMTP server " + settings.host() + ":"
                    + settings.port(), e);
        }
    }

    private static Properties sessionProperties(SmtpSettings settings, String protocol) {
        String prefix = "mail." + protocol + ".";
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        properties.put(prefix + "auth", Boolean.toString(settings.authenticates()));
        properties.put(prefix + "connectiontimeout", timeout);
        properties.put(prefix + "timeout", timeout);
        properties.put(prefix + "writetimeout", timeout);
        properties.put(prefix + "ssl.checkserveridentity", "true");
        switch (settings.security()) {
            case STARTTLS_REQUIRED -> {
                properties.put(prefix + "starttls.enable", "true");
                properties.put(prefix + "starttls.required", "true");
            }
            case STARTTLS -> properties.put(prefix + "starttls.enable", "true");
            case IMPLICIT_TLS -> properties.put(prefix + "ssl.enable", "true");
            case NONE -> properties.put(prefix + "starttls.enable", "false");
            default -> throw new IllegalStateException("unhandled SMTP security " + settings.security());
        }
        return properties;
    }

    private static InternetAddress parseFrom(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("invalid sender address '" + from + "': " + e.getMessage(), e);
        }
    }
}
