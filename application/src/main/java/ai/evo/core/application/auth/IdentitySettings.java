package ai.evo.core.application.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the account flows.
 *
 * @param publicUrl                 base URL of the service as users reach it, without a trailing slash; every
 *                                  link in an email starts with it, never with a request's {@code Host} header
 * @param verificationTokenLifetime how long an email verification token works
 * @param resetTokenLifetime        how long a password reset token works
 */
public record IdentitySettings(String publicUrl, Duration verificationTokenLifetime, Duration resetTokenLifetime) {
    /** Lifetime of a verification token when none is configured. */
    public static final Duration DEFAULT_VERIFICATION_LIFETIME = Duration.ofHours(24);
    /** Lifetime of a password reset token when none is configured. */
    public static final Duration DEFAULT_RESET_LIFETIME = Duration.ofHours(1);

    public IdentitySettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(verificationTokenLifetime, "verificationTokenLifetime");
        Objects.requireNonNull(resetTokenLifetime, "resetTokenLifetime");
        if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the public URL must start with http:// or https://, got " + publicUrl);
        }
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        if (isNotPositive(verificationTokenLifetime) || isNotPositive(resetTokenLifetime)) {
            throw new IllegalArgumentException("token lifetimes must be positive");
        }
    }

    private static boolean isNotPositive(Duration duration) {
        return duration.isNegative() || duration.isZero();
    }

    /**
     * Returns the settings with the default lifetimes.
     *
     * @param publicUrl the public base URL
     * @return the settings
     */
    public static IdentitySettings withDefaults(String publicUrl) {
        return new IdentitySettings(publicUrl, DEFAULT_VERIFICATION_LIFETIME, DEFAULT_RESET_LIFETIME);
    }
}
