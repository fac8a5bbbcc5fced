package ai.evo.core.persistence;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/**
 * Sends Liquibase's log to SLF4J, so migrations log through the service's logging configuration instead of
 * {@code java.util.logging} on standard error. Set as the {@code logService} scope attribute for one migration.
 */
final class LiquibaseSlf4jLogService extends AbstractLogService {

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public Logger getLog(Class clazz) {
        return new Slf4jLogger(LoggerFactory.getLogger(clazz));
    }

    /** One Liquibase logger backed by one SLF4J logger; maps java.util.logging levels to SLF4J levels. */
    private static final class Slf4jLogger extends AbstractLogger {
        private final org.slf4j.Logger target;

        Slf4jLogger(org.slf4j.Logger target) {
            this.target = target;
        }

        @Override
        public void log(Level level, String message, Throwable error) {
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                target.error(message, error);
            } else if (value >= Level.WARNING.intValue()) {
                target.warn(message, error);
            } else if (value >= Level.INFO.intValue()) {
                target.info(message, error);
            } else if (value >= Level.FINE.intValue()) {
                target.debug(message, error);
            } else {
                target.trace(message, error);
            }
        }
    }
}
