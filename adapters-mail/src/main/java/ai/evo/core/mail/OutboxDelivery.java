package ai.evo.core.mail;

import ai.evo.core.application.mail.MailDispatcher;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link MailDispatcher} on one background thread at a fixed interval, so queued mail goes out shortly
 * after the transaction that queued it commits. Each run repeats while full batches come back. Every failed
 * delivery is logged with its outbox id. An error of the outbox itself, such as an unreachable database, is
 * logged too, and the next run tries again. Thread-safe.
 */
public final class OutboxDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    /** Most consecutive batches of one run, so that one run cannot keep the thread forever. */
    private static final int MAX_BATCHES_PER_RUN = 100;

    private final MailDispatcher dispatcher;
    private final int batchSize;
    private final ScheduledExecutorService executor;

    /**
     * Starts the background thread.
     *
     * @param dispatcher delivers one batch
     * @param interval   the pause between two runs
     * @param batchSize  the maximum number of messages claimed at once
     */
    public OutboxDelivery(MailDispatcher dispatcher, Duration interval, int batchSize) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "evo-mail-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        LOG.info("mail outbox delivery started; interval={} batch_size={}", interval, batchSize);
    }

    /**
     * Delivers due messages now, in batches, and logs every failure.
     *
     * @return the number of messages sent
     */
    public int runOnce() {
        int sent = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                MailDispatcher.Report report = dispatcher.deliverDue(batchSize);
                sent += report.sent();
                for (MailDispatcher.Failure failure : report.failures()) {
                    if (failure.nextAttempt() == null) {
                        LOG.error("mail delivery failed for the last time, giving up; outbox_id={} attempt={}"
                                + " error=\"{}\"", failure.outboxId(), failure.attempt(), failure.error());
                    } else {
                        LOG.warn("mail delivery failed, will retry; outbox_id={} attempt={} next_attempt={}"
                                + " error=\"{}\"", failure.outboxId(), failure.attempt(), failure.nextAttempt(),
                                failure.error());
                    }
                }
                if (report.sent() + report.failures().size() < batchSize) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("mail outbox delivery run failed; the next run tries again", e);
        }
        return sent;
    }

    /** Stops the thread, waiting up to five seconds for a run in progress. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("mail outbox delivery stopped");
    }
}
