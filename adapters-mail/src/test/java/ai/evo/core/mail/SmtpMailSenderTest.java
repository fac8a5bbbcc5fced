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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * Sends through real SMTP servers started in this JVM on loopback: GreenMail for plain SMTP and implicit TLS,
 * and subethasmtp for STARTTLS, which GreenMail 2.1.5 has no command for.
 */
class SmtpMailSenderTest {
    private static final String LOGIN = "evo-sender";
    private static final String SECRET = "smtp-secret-for-tests";
    private static final MailMessage MESSAGE = new MailMessage(EmailAddress.parse("to", "user3@example.test"),
            "Verify your email address", "Open https://evo.example.test/api/v1/auth/verify-email/abc\nÄ line");

    /**
     * Key and self-signed certificate of the STARTTLS server, for CN and IP SAN 127.0.0.1 and valid until 2126. Made
     * with JDK 17 keytool: {@code keytool -genkeypair -alias smtp-server -keyalg EC -groupname secp256r1
     * -sigalg SHA256withECDSA -dname CN=127.0.0.1 -ext SAN=ip:127.0.0.1 -validity 36500 -storetype PKCS12
     * -keystore starttls-server.p12 -storepass changeit}.
     */
    private static final String STARTTLS_KEYSTORE = "/starttls-server.p12";
    private static final char[] STARTTLS_KEYSTORE_PASSWORD = "changeit".toCharArray();
    private static final String STARTTLS_KEY_ALIAS = "smtp-server";

    private static GreenMail greenMail;
    private static KeyStore startTlsKeyStore;
    private static SMTPServer startTlsServer;
    private static final List<StartTlsDelivery> startTlsDeliveries = new CopyOnWriteArrayList<>();
    private static final List<String> startTlsLogins = new CopyOnWriteArrayList<>();

    /** One message that the STARTTLS server accepted, with the state of the SMTP session that carried it. */
    private record StartTlsDelivery(boolean tlsStarted, String tlsProtocol, Object login, String envelopeFrom,
            List<String> envelopeRecipients, byte[] content) {
        MimeMessage parse() throws Exception {
            return new MimeMessage(null, new ByteArrayInputStream(content));
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender@example.test", LOGIN, SECRET));
        greenMail.start();

        startTlsKeyStore = KeyStore.getInstance("PKCS12");
        try (InputStream keyStoreFile = SmtpMailSenderTest.class.getResourceAsStream(STARTTLS_KEYSTORE)) {
            assertThat(keyStoreFile).as("test resource " + STARTTLS_KEYSTORE).isNotNull();
            startTlsKeyStore.load(keyStoreFile, STARTTLS_KEYSTORE_PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(startTlsKeyStore, STARTTLS_KEYSTORE_PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);

        // The server offers STARTTLS and AUTH but does not insist on TLS itself, so a client that skipped the
        // upgrade would still deliver, and the tlsStarted check in the tests would catch it.
        startTlsServer = SMTPServer.port(0)
                .bindAddress(InetAddress.getByName("127.0.0.1"))
                .enableTLS()
                .startTlsSocketFactory(serverTls)
                .requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(SmtpMailSenderTest::checkLogin))
                .messageHandlerFactory(SmtpMailSenderTest::recordDelivery)
                .build();
        startTlsServer.start();
    }

    @AfterAll
    static void stopServer() {
        greenMail.stop();
        if (startTlsServer != null) {
            startTlsServer.stop();
        }
    }

    @BeforeEach
    void clearMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        startTlsDeliveries.clear();
        startTlsLogins.clear();
    }

    private static void checkLogin(String user, String password, MessageContext context) throws LoginFailedException {
        startTlsLogins.add(user);
        if (!LOGIN.equals(user) || !SECRET.equals(password)) {
            throw new LoginFailedException("invalid user or password for " + user);
        }
    }

    private static MessageHandler recordDelivery(MessageContext context) {
        // subethasmtp 7.1.7 passes its Session here, and only Session exposes whether STARTTLS has run.
        Session session = (Session) context;
        return new MessageHandler() {
            private String envelopeFrom;
            private final List<String> envelopeRecipients = new ArrayList<>();

            @Override
            public void from(String address) {
                envelopeFrom = address;
            }

            @Override
            public void recipient(String address) {
                envelopeRecipients.add(address);
            }

            @Override
            public String data(InputStream data) throws IOException {
                boolean tlsStarted = session.isTLSStarted();
                String tlsProtocol = tlsProtocol(session.getSocket());
                Object login = context.getAuthenticationHandler().map(AuthenticationHandler::getIdentity).orElse(null);
                byte[] content = data.readAllBytes();
                startTlsDeliveries.add(new StartTlsDelivery(tlsStarted, tlsProtocol, login, envelopeFrom,
                        List.copyOf(envelopeRecipients), content));
                return null;
            }

            @Override
            public void done() {
            }
        };
    }

    private static String tlsProtocol(Socket socket) {
        return socket instanceof SSLSocket tls ? tls.getSession().getProtocol() : "none";
    }

    private static SmtpSettings startTls(SmtpSettings.Security security) {
        return new SmtpSettings("127.0.0.1", startTlsServer.getPortAllocated(), LOGIN, SECRET,
                "Evo AI <no-reply@example.test>", security, Duration.ofSeconds(5));
    }

    /**
     * Returns session properties that make the client trust only the test server's certificate. Host name checks
     * stay on, and the certificate passes them because its IP SAN is 127.0.0.1.
     */
    private static Properties trustStartTlsCertificate() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("smtp-server", startTlsKeyStore.getCertificate(STARTTLS_KEY_ALIAS));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trustManagers.getTrustManagers(), null);

        Properties properties = new Properties();
        properties.put("mail.smtp.ssl.socketFactory", clientTls.getSocketFactory());
        return properties;
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
    void requiredStartTlsUpgradesAndDelivers() throws Exception {
        new SmtpMailSender(startTls(SmtpSettings.Security.STARTTLS_REQUIRED), trustStartTlsCertificate()).send(MESSAGE);

        assertThat(startTlsDeliveries).hasSize(1);
        StartTlsDelivery delivery = startTlsDeliveries.get(0);
        assertThat(delivery.tlsStarted()).as("server saw STARTTLS before the message").isTrue();
        assertThat(delivery.tlsProtocol()).isIn("TLSv1.2", "TLSv1.3");
        assertThat(startTlsLogins).containsExactly(LOGIN);
        assertThat(delivery.login()).isEqualTo(LOGIN);
        assertThat(delivery.envelopeFrom()).isEqualTo("no-reply@example.test");
        assertThat(delivery.envelopeRecipients()).containsExactly("user3@example.test");
        MimeMessage received = delivery.parse();
        assertThat(received.getSubject()).isEqualTo("Verify your email address");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("user3@example.test");
    }

    @Test
    void startTlsRejectsUntrustedCertificate() {
        SmtpMailSender sender = new SmtpMailSender(startTls(SmtpSettings.Security.STARTTLS_REQUIRED));

        assertThatThrownBy(() -> sender.send(MESSAGE)).isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + startTlsServer.getPortAllocated())
                .hasRootCauseInstanceOf(CertPathBuilderException.class);
        assertThat(startTlsLogins).as("logins the server received").isEmpty();
        assertThat(startTlsDeliveries).isEmpty();
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
