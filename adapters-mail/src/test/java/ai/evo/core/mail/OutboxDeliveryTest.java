package ai.evo.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.application.mail.MailDispatcher;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.testing.InMemoryMailOutbox;
import ai.evo.core.domain.testing.MutableClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delivers the outbox to GreenMail, and retries after the server was down. */
class OutboxDeliveryTest {

    @Test
    void queuedMailReachesServerAfterOutage() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        InMemoryMailOutbox outbox = new InMemoryMailOutbox();
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(UUID.randomUUID(), new MailMessage(EmailAddress.parse("to", "u" + i + "@example.test"),
                    "Subject " + i, "Body " + i));
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        int port = greenMail.getSmtp().getPort();
        greenMail.stop();
        SmtpMailSender sender = new SmtpMailSender(new SmtpSettings("127.0.0.1", port, null, null,
                "no-reply@example.test", SmtpSettings.Security.NONE, Duration.ofSeconds(2)));
        MailDispatcher dispatcher = new MailDispatcher(outbox, sender, clock, MailDispatcher.RetrySchedule.DEFAULT);

        try (OutboxDelivery delivery = new OutboxDelivery(dispatcher, Duration.ofHours(1), 2)) {
            assertThat(delivery.runOnce()).isZero();
            assertThat(outbox.rows()).allSatisfy(row -> assertThat(row.lastError()).contains("127.0.0.1:" + port));

            GreenMail restarted = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            restarted.start();
            try {
                clock.advance(Duration.ofMinutes(1));
                assertThat(delivery.runOnce()).isEqualTo(3);
                assertThat(restarted.getReceivedMessages()).hasSize(3);
                assertThat(delivery.runOnce()).isZero();
            } finally {
                restarted.stop();
            }
        }
    }
}
