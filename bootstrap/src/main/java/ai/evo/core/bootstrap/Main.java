package ai.evo.core.bootstrap;

import ai.evo.core.domain.common.ValidationException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Command-line entry point of {@code evo-ai.jar}. Without arguments, or with {@code serve}, it runs the HTTP
 * service until the process receives SIGTERM or SIGINT. {@code rotate-secrets-key} rotates the key that encrypts
 * secrets at rest and exits. {@code verify-audit} and {@code purge-audit} run one task on the audit trail and exit;
 * see {@link AuditCommands}.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILURE = 1;
    private static final String ROTATE_SECRETS_KEY = "rotate-secrets-key";

    private Main() {
    }

    /**
     * Runs the command named by the arguments.
     *
     * @param args {@code serve} (the default), {@code rotate-secrets-key}, {@code verify-audit},
     *             {@code purge-audit --older-than <days>d} or {@code --help}
     */
    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            printHelp(System.out);
            return;
        }
        String command = arguments.isEmpty() ? "serve" : arguments.get(0);
        if (command.equals("serve") && arguments.size() <= 1) {
            serve();
        } else if (command.equals(ROTATE_SECRETS_KEY) && arguments.size() == 1) {
            rotateSecretsKey();
        } else if (command.equals("verify-audit") && arguments.size() == 1) {
            System.exit(runTask(config -> AuditCommands.verify(config, Clock.systemUTC(), System.out)));
        } else if (command.equals("purge-audit") && arguments.size() == 3 && arguments.get(1).equals("--older-than")) {
            Duration retention;
            try {
                retention = AuditCommands.parseRetention(arguments.get(2));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(EXIT_USAGE);
                return;
            }
            System.exit(runTask(config -> AuditCommands.purge(config, Clock.systemUTC(), retention, System.out)));
        } else {
            System.err.println("Unknown command: " + String.join(" ", arguments));
            printHelp(System.err);
            System.exit(EXIT_USAGE);
        }
    }

    /** Runs a command-line task with the configuration from the environment and returns its exit status. */
    private static int runTask(ToIntFunction<ServiceConfig> task) {
        ServiceConfig config;
        try {
            config = ServiceConfig.from(System.getenv());
        } catch (ConfigurationException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            return EXIT_USAGE;
        }
        try {
            return task.applyAsInt(config);
        } catch (ConfigurationException | ValidationException e) {
            System.err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            log.error("Command failed", e);
            return EXIT_FAILURE;
        }
    }

    private static void rotateSecretsKey() {
        routeJavaUtilLoggingToSlf4j();
        try {
            SecretKeyRotationCommand.run(ServiceConfig.from(System.getenv()));
        } catch (ConfigurationException e) {
            log.error("Secrets key rotation failed: {}", e.getMessage());
            System.exit(EXIT_USAGE);
        } catch (RuntimeException e) {
            log.error("Secrets key rotation failed; run the command again to resume it", e);
            System.exit(EXIT_FAILURE);
        }
    }

    private static void serve() {
        routeJavaUtilLoggingToSlf4j();
        ServiceConfig config;
        try {
            config = ServiceConfig.from(System.getenv());
        } catch (ConfigurationException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        AtomicReference<EvoService> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            EvoService service = running.get();
            if (service != null) {
                service.close();
            }
        }, "evo-shutdown"));
        try {
            running.set(EvoService.start(config, Clock.systemUTC()));
        } catch (ConfigurationException e) {
            log.error("Start failed: {}", e.getMessage());
            System.exit(EXIT_USAGE);
        } catch (RuntimeException e) {
            log.error("Start failed", e);
            System.exit(EXIT_FAILURE);
        }
    }

    /** Sends Liquibase's java.util.logging output through Logback, so every log line has one format. */
    private static void routeJavaUtilLoggingToSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    static void printHelp(PrintStream out) {
        out.println("Usage: java -jar evo-ai.jar [serve]");
        out.println("       java -jar evo-ai.jar rotate-secrets-key");
        out.println("       java -jar evo-ai.jar verify-audit");
        out.println("       java -jar evo-ai.jar purge-audit --older-than <days>d");
        out.println();
        out.println("serve (the default) runs the Evo AI Core HTTP service. rotate-secrets-key adds a new primary key");
        out.println("to the secrets keyset file and re-encrypts every stored secret with it, while the service may");
        out.println("keep running; run it again to resume after an interruption. verify-audit checks the hash chains");
        out.println("of the audit log and exits with status 3 naming the first altered or removed entry. purge-audit");
        out.println("deletes audit entries older than the given number of days (at least 30), for example");
        out.println("--older-than 365d.");
        out.println();
        out.println("Configuration comes from environment variables:");
        out.println();
        for (Setting setting : Setting.values()) {
            String defaultValue = setting.defaultValue().isEmpty() ? "(unset)" : setting.defaultValue();
            out.printf("  %-30s default %s%n  %-30s %s%n", setting.variable(), defaultValue, "", setting.description());
        }
    }
}
