package ai.evo.core.bootstrap;

import ai.evo.core.application.audit.AuditIntegrityService;
import ai.evo.core.application.audit.AuditVerification;
import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.ChainBreak;
import ai.evo.core.domain.common.TimeOrderedIdGenerator;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.persistence.PostgresPersistence;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator commands on the audit trail: {@code verify-audit} walks every hash chain and names the first
 * altered or removed row, and {@code purge-audit --older-than <days>d} deletes entries past their retention, the
 * only deletion the database allows on the trail. Both open the configured database like the service does, run
 * as the service itself ({@link Caller#system()}), and close it again.
 */
final class AuditCommands {
    /** Exit status of {@code verify-audit} when a chain is broken. */
    static final int EXIT_TAMPERED = 3;

    private static final Logger log = LoggerFactory.getLogger(AuditCommands.class);
    private static final Pattern DAYS = Pattern.compile("([0-9]{1,6})d");

    private AuditCommands() {
    }

    /**
     * Parses a retention such as {@code 365d}.
     *
     * @param text the value of {@code --older-than}
     * @return the retention
     * @throws IllegalArgumentException when the text is not a number of days followed by {@code d}
     */
    static Duration parseRetention(String text) {
        Matcher days = DAYS.matcher(text == null ? "" : text);
        if (!days.matches()) {
            throw new IllegalArgumentException("invalid --older-than " + text
                    + "; expected a number of days followed by d, such as 365d");
        }
        return Duration.ofDays(Long.parseLong(days.group(1)));
    }

    /**
     * Verifies every chain of the audit trail.
     *
     * @param config the configuration that names the database
     * @param clock  the clock of the service
     * @param out    receives the report
     * @return 0 when every chain verifies, {@link #EXIT_TAMPERED} when one does not
     */
    static int verify(ServiceConfig config, Clock clock, PrintStream out) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            AuditVerification result = service(config, clock, resources).verify(Caller.system());
            if (result.intact()) {
                out.printf("Audit trail intact: %d chains, %d rows verified.%n", result.chainsChecked(),
                        result.rowsChecked());
                return 0;
            }
            ChainBreak broken = result.firstBreak().orElseThrow();
            out.printf("Audit trail broken in chain %s at sequence %d (row %s): %s%n", broken.chainKey(),
                    broken.sequence(), broken.rowId() == null ? "none" : broken.rowId(), broken.reason());
            log.error("Audit trail verification failed in chain {} at sequence {} (row {}): {}", broken.chainKey(),
                    broken.sequence(), broken.rowId(), broken.reason());
            return EXIT_TAMPERED;
        } finally {
            closeAll(resources);
        }
    }

    /**
     * Deletes the audit entries older than the retention and records the purge as a new entry.
     *
     * @param config    the configuration that names the database
     * @param clock     the clock of the service
     * @param retention how long entries are kept
     * @param out       receives the report
     * @return 0
     * @throws ValidationException when the retention is shorter than {@link AuditIntegrityService#MIN_RETENTION}
     */
    static int purge(ServiceConfig config, Clock clock, Duration retention, PrintStream out) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            long deleted = service(config, clock, resources).purge(Caller.system(), retention);
            out.printf("Deleted %d audit entries older than %d days.%n", deleted, retention.toDays());
            log.info("Purged {} audit entries older than {} days", deleted, retention.toDays());
            return 0;
        } finally {
            closeAll(resources);
        }
    }

    private static AuditIntegrityService service(ServiceConfig config, Clock clock, Deque<AutoCloseable> resources) {
        PostgresPersistence persistence = EvoService.openDatabase(config, resources).persistence();
        AuditRecorder recorder = new AuditRecorder(persistence.auditTrail(), new TimeOrderedIdGenerator(clock));
        return new AuditIntegrityService(persistence.transactions(), persistence.auditChains(), recorder, clock);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Failed to close {}", resource, e);
            }
        }
    }
}
