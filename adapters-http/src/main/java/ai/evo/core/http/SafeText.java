package ai.evo.core.http;

/**
 * Makes text from requests safe to put into problem details and log lines: control characters and unpaired
 * UTF-16 surrogates are replaced by {@code \\uXXXX} escapes, so they can neither break a log line nor make the
 * JSON encoder fail.
 */
final class SafeText {

    private SafeText() {
    }

    /** Returns the text with every control character and unpaired surrogate written as {@code \\uXXXX}. */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedHigh) {
                escaped.append(c).append(text.charAt(i + 1));
                i++;
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
