package ai.evo.core.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --name value} options of the bench tools. */
final class BenchOptions {

    private BenchOptions() {
    }

    static Map<String, String> parse(String[] args, List<String> accepted) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !accepted.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("invalid option " + args[i] + "; expected one of --"
                        + String.join(", --", accepted) + ", each followed by a value");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }

    static long number(Map<String, String> options, String name, long defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --" + name + " " + value + "; expected a whole number", e);
        }
    }
}
