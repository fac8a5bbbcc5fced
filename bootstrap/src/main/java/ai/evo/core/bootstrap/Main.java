package ai.evo.core.bootstrap;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Command-line entry point of {@code evo-ai.jar}. Without arguments, or with {@code serve}, it runs the HTTP
 * service until the process receives SIGTERM or SIGINT.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILURE = 1;

    private Main() {
    }

    /**
     * Runs the command named by the arguments.
     *
     * @param args {@code serve} (the default) or {@code --help}
     */
    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            printHelp(System.out);
            return;
        }
        String command = arguments.isEmpty() ? "serve" : arguments.get(0);
        if (!command.equals("serve") || arguments.size() > 1) {
            System.err.println("Unknown command: " + String.join(" ", arguments));
            printHelp(System.err);
            System.exit(EXIT_USAGE);
        }
        serve();
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
        out.println();
        out.println("Runs the Evo AI Core HTTP service. Configuration comes from environment variables:");
        out.println();
        for (Setting setting : Setting.values()) {
            String defaultValue = setting.defaultValue().isEmpty() ? "(unset)" : setting.defaultValue();
            out.printf("  %-30s default %s%n  %-30s %s%n", setting.variable(), defaultValue, "", setting.description());
        }
    }
}
