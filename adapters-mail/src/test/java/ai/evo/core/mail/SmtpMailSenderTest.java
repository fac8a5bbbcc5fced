package ai.evo.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.mail.MailDeliveryException;
import ai.evo.core.domain.mail.MailMessage;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends through GreenMail, a real SMTP server started in this JVM on loopback. */
class SmtpMailSenderTest {
    private static final String LOGIN = "evo-sender";
    private static final String SECRET = "smtp-secret-for-tests";
    private static final MailMessage MESSAGE = new MailMessage(EmailAddress.parse("to", "user3@example.test"),
            "Verify your email address", "Open https://evo.example.test/api/v1/auth/verify-email/abc\nÄ line");

    private static GreenMail greenMail;

    @BeforeAll
    static void startServer() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender@example.test", LOGIN, SECRET));
        greenMail.start();
    }

    @AfterAll
    static void stopServer() {
        greenMail.stop();
    }

    @BeforeEach
    void clearMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    private static SmtpSettings plain(String user, String password, SmtpSettings.Security security) {
        return new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), user, password,
                "Evo AI <no-reply@example.test>", security, Duration.ofSeconds(5));
    }

    @Test
    void deliversWithAuthentication() throws Exception {
        new SmtpMailSender(plain(LOGIN, SECRET, SmtpSettings.Security.NONE)).send(MESSAGE);

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Verify your email address");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("user3@example.test");
        assertThat(received.getFrom()[0].toString()).contains("no-reply@example.test");
        assertThat(((String) received.getContent()).replace("\r\n", "\n").strip())
                .isEqualTo("Open https://evo.example.test/api/v1/auth/verify-email/abc\nÄ line");
    }

    @Test
    void wrongPasswordFailsDelivery() {
        SmtpMailSender sender = new SmtpMailSender(plain(LOGIN, "wrong-secret", SmtpSettings.Security.NONE));

        assertThatThrownBy(() -> sender.send(MESSAGE))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + greenMail.getSmtp().getPort());
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void requiredStartTlsRefusesClearTextServer() {
        SmtpMailSender sender = new SmtpMailSender(plain(LOGIN, SECRET, SmtpSettings.Security.STARTTLS_REQUIRED));

        assertThatThrownBy(() -> sender.send(MESSAGE)).isInstanceOf(MailDeliveryException.class)
                .hasRootCauseMessage("STARTTLS is required but host does not support STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void optionalStartTlsFallsBackToClearText() {
        new SmtpMailSender(plain(LOGIN, SECRET, SmtpSettings.Security.STARTTLS)).send(MESSAGE);

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void implicitTlsDelivers() {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", greenMail.getSmtps().getPort(), LOGIN, SECRET,
                "no-reply@example.test", SmtpSettings.Security.IMPLICIT_TLS, Duration.ofSeconds(5));
        Properties trustTestCertificate = new Properties();
        trustTestCertificate.put("mail.smtps.ssl.trust", "127.0.0.1");
        trustTestCertificate.put("mail.smtps.ssl.checkserveridentity", "false");

        new SmtpMailSender(settings, trustTestCertificate).send(MESSAGE);

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void implicitTlsRejectsUntrustedCertificate() {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", greenMail.getSmtps().getPort(), LOGIN, SECRET,
                "no-reply@example.test", SmtpSettings.Security.IMPLICIT_TLS, Duration.ofSeconds(5));

        assertThatThrownBy(() -> new SmtpMailSender(settings).send(MESSAGE)).isInstanceOf(MailDeliveryException.class);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void unreachableServerFailsDelivery() {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", 1, null, null, "no-reply@example.test",
                SmtpSettings.Security.NONE, Duration.ofSeconds(2));

        assertThatThrownBy(() -> new SmtpMailSender(settings).send(MESSAGE)).isInstanceOf(MailDeliveryException.class);
    }

    @Test
    void invalidSenderAddressIsRejectedAtStart() {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", 25, null, null, "not an address",
                SmtpSettings.Security.NONE, Duration.ofSeconds(2));

        assertThatThrownBy(() -> new SmtpMailSender(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid sender address");
    }
}
