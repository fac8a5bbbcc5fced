package ai.evo.core.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Collects the events of one logger while a test runs. */
final class CapturedLogs implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(Class<?> loggerClass) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerClass);
        appender.start();
        logger.addAppender(appender);
    }

    static CapturedLogs of(Class<?> loggerClass) {
        return new CapturedLogs(loggerClass);
    }

    /** Returns a snapshot of the events so far. */
    List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /**
     * Waits up to five seconds for events that match, because the access log line is written after the
     * response has reached the client.
     */
    List<ILoggingEvent> await(Predicate<ILoggingEvent> condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ILoggingEvent> matching = events().stream().filter(condition).toList();
            if (!matching.isEmpty()) {
                return matching;
            }
            Thread.sleep(50);
        }
        return List.of();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
