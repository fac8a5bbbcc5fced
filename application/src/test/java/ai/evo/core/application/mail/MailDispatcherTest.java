package ai.evo.core.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.mail.MailDeliveryException;
import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.testing.InMemoryMailOutbox;
import ai.evo.core.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailDispatcherTest {
    private static final MailDispatcher.RetrySchedule SCHEDULE =
            new MailDispatcher.RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(2), 4, Duration.ofMinutes(5));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final List<MailMessage> delivered = new ArrayList<>();
    private boolean serverDown;

    private final MailDispatcher dispatcher = new MailDispatcher(outbox, message -> {
        if (serverDown) {
            throw new MailDeliveryException("SMTP server refused the connection", null);
        }
        delivered.add(message);
    }, clock, SCHEDULE);

    private static MailMessage message(String to) {
        return new MailMessage(EmailAddress.parse("to", to), "Subject", "Body");
    }

    @Test
    void deliversQueuedMailOnce() {
        outbox.enqueue(UUID.randomUUID(), message("a@example.test"));
        outbox.enqueue(UUID.randomUUID(), message("b@example.test"));

        MailDispatcher.Report report = dispatcher.deliverDue(10);
        MailDispatcher.Report again = dispatcher.deliverDue(10);

        assertThat(report.sent()).isEqualTo(2);
        assertThat(again.sent()).isZero();
        assertThat(delivered).extracting(m -> m.to().value()).containsExactly("a@example.test", "b@example.test");
    }

    @Test
    void failureRetriesWithDoublingDelay() {
        outbox.enqueue(UUID.randomUUID(), message("a@example.test"));
        serverDown = true;

        MailDispatcher.Report first = dispatcher.deliverDue(10);
        clock.advance(Duration.ofSeconds(29));
        MailDispatcher.Report tooEarly = dispatcher.deliverDue(10);
        clock.advance(Duration.ofSeconds(1));
        MailDispatcher.Report second = dispatcher.deliverDue(10);

        assertThat(first.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.attempt()).isEqualTo(1);
            assertThat(failure.error()).contains("refused");
            assertThat(failure.nextAttempt()).isEqualTo(Instant.parse("2026-03-01T10:00:30Z"));
        });
        assertThat(tooEarly.failures()).isEmpty();
        assertThat(second.failures()).singleElement()
                .satisfies(failure -> assertThat(failure.nextAttempt()).isEqualTo(clock.instant().plusSeconds(60)));

        serverDown = false;
        clock.advance(Duration.ofSeconds(60));
        assertThat(dispatcher.deliverDue(10).sent()).isEqualTo(1);
        assertThat(outbox.rows().get(0).sentAt()).isNotNull();
    }

    @Test
    void givesUpAfterMaxAttempts() {
        outbox.enqueue(UUID.randomUUID(), message("a@example.test"));
        serverDown = true;
        MailDispatcher.Report last = null;
        for (int i = 0; i < 4; i++) {
            last = dispatcher.deliverDue(10);
            clock.advance(Duration.ofHours(1));
        }

        assertThat(last.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.attempt()).isEqualTo(4);
            assertThat(failure.nextAttempt()).isNull();
        });
        serverDown = false;
        assertThat(dispatcher.deliverDue(10).sent()).isZero();
    }

    @Test
    void delayStopsAtMaximum() {
        assertThat(SCHEDULE.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SCHEDULE.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SCHEDULE.delayAfter(40)).isEqualTo(Duration.ofMinutes(2));
    }
}
