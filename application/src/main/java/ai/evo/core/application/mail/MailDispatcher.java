package ai.evo.core.application.mail;

import ai.evo.core.domain.mail.MailDeliveryException;
import ai.evo.core.domain.mail.MailOutbox;
import ai.evo.core.domain.mail.MailSender;
import ai.evo.core.domain.mail.OutboxMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Delivers queued mail from the outbox. Each run claims the due messages, sends each one, and records either
 * the delivery or the failure with the time of the next attempt, which doubles after every failure up to a
 * maximum. A message that fails {@code maxAttempts} times stays in the outbox unsent. Several instances may
 * run at once, because the outbox never hands one message to two of them within its lease. Thread-safe.
 */
public final class MailDispatcher {
    private final MailOutbox outbox;
    private final MailSender sender;
    private final Clock clock;
    private final RetrySchedule schedule;

    /**
     * When failed messages are tried again.
     *
     * @param firstDelay  the delay after the first failure
     * @param maxDelay    the longest delay between two attempts
     * @param maxAttempts the attempts after which a message is given up
     * @param lease       how long a claimed message stays hidden from other senders; longer than one send
     */
    public record RetrySchedule(Duration firstDelay, Duration maxDelay, int maxAttempts, Duration lease) {
        /** 30 seconds, doubling up to one hour, ten attempts, five-minute leases. */
        public static final RetrySchedule DEFAULT =
                new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 10, Duration.ofMinutes(5));

        public RetrySchedule {
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(lease, "lease");
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1
                    || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("invalid retry schedule: first delay " + firstDelay
                        + ", max delay " + maxDelay + ", max attempts " + maxAttempts + ", lease " + lease);
            }
        }

        /**
         * Computes the delay after a failed attempt.
         *
         * @param attempt the number of the failed attempt, starting at 1
         * @return the delay before the next attempt
         */
        public Duration delayAfter(int attempt) {
            Duration delay = firstDelay;
            for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /**
     * One failed delivery.
     *
     * @param outboxId    the outbox row
     * @param attempt     the number of the failed attempt
     * @param error       what failed
     * @param nextAttempt when the message is tried again, or null when it was given up
     */
    public record Failure(UUID outboxId, int attempt, String error, Instant nextAttempt) {
    }

    /**
     * The outcome of one run.
     *
     * @param sent     how many messages were delivered
     * @param failures the messages that failed
     */
    public record Report(int sent, List<Failure> failures) {
        public Report {
            failures = List.copyOf(failures);
        }
    }

    /**
     * Creates the dispatcher.
     *
     * @param outbox   the queued messages
     * @param sender   delivers one message
     * @param clock    the current time
     * @param schedule when failures are retried
     */
    public MailDispatcher(MailOutbox outbox, MailSender sender, Clock clock, RetrySchedule schedule) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * Sends up to {@code limit} due messages. A failure of one message never stops the others.
     *
     * @param limit the maximum number of messages to claim
     * @return what was sent and what failed
     */
    public Report deliverDue(int limit) {
        List<OutboxMail> claimed = outbox.claimDue(limit, schedule.maxAttempts(), clock.instant(), schedule.lease());
        int sent = 0;
        List<Failure> failures = new ArrayList<>();
        for (OutboxMail mail : claimed) {
            try {
                sender.send(mail.message());
                outbox.markSent(mail.id(), clock.instant());
                sent++;
            } catch (MailDeliveryException e) {
                boolean givenUp = mail.attempt() >= schedule.maxAttempts();
                Instant next = clock.instant().plus(schedule.delayAfter(mail.attempt()));
                String error = describe(e);
                outbox.markFailed(mail.id(), next, error);
                failures.add(new Failure(mail.id(), mail.attempt(), error, givenUp ? null : next));
            }
        }
        return new Report(sent, failures);
    }

    private static String describe(MailDeliveryException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            message = message + ": " + cause.getMessage();
        }
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
