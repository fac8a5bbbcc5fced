package ai.evo.core.application.auth;

import java.security.SecureRandom;

/** Generates random passwords from an alphabet without look-alike characters. */
public final class PasswordGenerator {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** 28 characters from a 57-letter alphabet carry about 163 bits of entropy. */
    private static final int LENGTH = 28;

    private PasswordGenerator() {
    }

    /** Returns a new random password of 28 characters. */
    public static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
