package ai.evo.core.http;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.jwt.JwtHmacParameters;
import com.google.crypto.tink.jwt.JwtMac;
import com.google.crypto.tink.jwt.JwtMacConfig;
import com.google.crypto.tink.jwt.JwtValidator;
import com.google.crypto.tink.jwt.RawJwt;
import com.google.crypto.tink.jwt.VerifiedJwt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies bearer access tokens: JWTs signed with HMAC-SHA256 ({@code HS256}) by a Tink keyset.
 *
 * <p>The keyset is a Tink JSON keyset file that contains the secret keys in clear text, so it must be readable by
 * this service only. Tokens are signed with the keyset's primary key and carry its key id in the {@code kid}
 * header, and every key of the keyset verifies, so keys can be rotated with Tinkey: add a key, make it primary,
 * and remove the old one after the token lifetime has passed. Each token carries its user's token version
 * ({@code ver}); {@link BearerAuthentication} rejects a token whose version is no longer the account's, so a
 * password change, a deactivation or a change of admin rights voids the tokens issued before. Thread-safe.
 */
public final class AccessTokens {
    /** Value of the {@code iss} claim of every token. Tokens from another issuer are rejected. */
    public static final String ISSUER = "evo-ai-core";

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    /** Tokens longer than this are rejected unparsed. Issued tokens are a few hundred characters long. */
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final int KEY_SIZE_BYTES = 32;
    private static final String EMAIL_CLAIM = "email";
    private static final String ADMIN_CLAIM = "admin";
    private static final String CLIENT_ID_CLAIM = "client_id";
    private static final String TOKEN_VERSION_CLAIM = "ver";

    private final JwtMac mac;
    private final JwtValidator validator;
    private final Duration lifetime;
    private final Clock clock;

    private AccessTokens(JwtMac mac, Duration lifetime, Clock clock) {
        this.mac = mac;
        this.lifetime = lifetime;
        this.clock = clock;
        this.validator = JwtValidator.newBuilder()
                .expectIssuer(ISSUER)
                .expectIssuedInThePast()
                .setClock(clock)
                .build();
    }

    /**
     * Loads the signing keyset from a Tink JSON keyset file, creating the file first when asked to.
     *
     * @param keysetFile      the keyset file
     * @param createIfMissing whether to generate a new keyset, written with mode 0600, when the file does not exist
     * @param lifetime        how long an issued token stays valid, at least one second and cut to whole seconds
     * @param clock           the clock for issue times and expiry checks
     * @return the token service
     * @throws IllegalStateException when the file is missing and may not be created, or is unreadable, malformed
     *                               or without JWT HMAC keys. The message names the file and the fix.
     */
    public static AccessTokens load(Path keysetFile, boolean createIfMissing, Duration lifetime, Clock clock) {
        Objects.requireNonNull(keysetFile, "keysetFile");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(clock, "clock");
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("access-token lifetime must be at least one second, got " + lifetime);
        }
        registerJwtKeyTypes();
        if (Files.notExists(keysetFile, LinkOption.NOFOLLOW_LINKS)) {
            if (!createIfMissing) {
                throw new IllegalStateException("access-token keyset file " + keysetFile + " does not exist; create a"
                        + " JWT_HS256 keyset in Tink JSON format there (for example with Tinkey), or allow the service"
                        + " to create it at start-up");
            }
            createKeysetFile(keysetFile);
        }
        KeysetHandle keyset = readKeyset(keysetFile);
        try {
            JwtMac mac = keyset.getPrimitive(RegistryConfiguration.get(), JwtMac.class);
            return new AccessTokens(mac, Duration.ofSeconds(lifetime.toSeconds()), clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("access-token keyset file " + keysetFile + " contains no JWT HMAC key ("
                    + e.getMessage() + "); replace it with a JWT_HS256 keyset, or delete it to generate a new one,"
                    + " which signs out every user", e);
        }
    }

    /**
     * Issues a token for a signed-in user. Claims: {@code sub} (user id), {@code email}, {@code admin} (only
     * for admins, so a non-admin's token carries no admin claim at all), {@code client_id} (left out for a user
     * without a client), {@code ver}, {@code iat}, {@code exp}, {@code jti} and {@code iss}.
     *
     * @param user         the user that just signed in
     * @param tokenVersion the account's token version, read before its password was checked
     * @return the signed token
     */
    public IssuedToken issue(User user, long tokenVersion) {
        Objects.requireNonNull(user, "user");
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(lifetime);
        RawJwt.Builder claims = RawJwt.newBuilder()
                .setIssuer(ISSUER)
                .setSubject(user.id().toString())
                .setJwtId(UUID.randomUUID().toString())
                .setIssuedAt(issuedAt)
                .setExpiration(expiresAt)
                .addStringClaim(EMAIL_CLAIM, user.email().value())
                .addNumberClaim(TOKEN_VERSION_CLAIM, tokenVersion);
        if (user.admin()) {
            claims.addBooleanClaim(ADMIN_CLAIM, true);
        }
        user.client().ifPresent(client -> claims.addStringClaim(CLIENT_ID_CLAIM, client.toString()));
        try {
            return new IssuedToken(mac.computeMacAndEncode(claims.build()), issuedAt, expiresAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing an access token failed: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a token's signature, algorithm, issuer and expiry and reads its claims.
     *
     * @param token the compact JWT from the {@code Authorization} header
     * @return the claims, or empty when the token is malformed, expired, signed with another key, uses another
     *         algorithm (including {@code none}) or lacks a required claim
     */
    public Optional<TokenClaims> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !isCompactJwsSyntax(token)) {
            return Optional.empty();
        }
        try {
            VerifiedJwt jwt = mac.verifyMacAndDecode(token, validator);
            return Optional.of(claimsOf(jwt));
        } catch (GeneralSecurityException e) {
            LOG.debug("Rejected an access token: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static TokenClaims claimsOf(VerifiedJwt jwt) throws GeneralSecurityException {
        UserId userId = new UserId(Uuids.parse(jwt.getSubject())
                .orElseThrow(() -> new GeneralSecurityException("sub is not a UUID")));
        ClientId clientId = null;
        if (jwt.hasStringClaim(CLIENT_ID_CLAIM)) {
            clientId = new ClientId(Uuids.parse(jwt.getStringClaim(CLIENT_ID_CLAIM))
                    .orElseThrow(() -> new GeneralSecurityException("client_id is not a UUID")));
        }
        boolean admin = jwt.hasBooleanClaim(ADMIN_CLAIM) && jwt.getBooleanClaim(ADMIN_CLAIM);
        double version = jwt.getNumberClaim(TOKEN_VERSION_CLAIM);
        if (version < 0 || version != Math.rint(version)) {
            throw new GeneralSecurityException("ver is not a whole number");
        }
        return new TokenClaims(userId, jwt.getStringClaim(EMAIL_CLAIM), admin, clientId, (long) version,
                jwt.getJwtId(), jwt.getIssuedAt(), jwt.getExpiration());
    }

    private static boolean isCompactJwsSyntax(String token) {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return dots == 2;
    }

    private static void registerJwtKeyTypes() {
        try {
            JwtMacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("registering Tink's JWT MAC key types failed: " + e.getMessage(), e);
        }
    }

    private static KeysetHandle readKeyset(Path keysetFile) {
        String json;
        try {
            json = Files.readString(keysetFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the access-token keyset file " + keysetFile + " (" + e
                    + "); make it a regular file readable by this service", e);
        }
        warnIfReadableByOthers(keysetFile);
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // Tink reports malformed JSON with Gson's unchecked exceptions, so those are caught here too.
            throw new IllegalStateException("access-token keyset file " + keysetFile + " is not a valid Tink JSON"
                    + " keyset; restore it from a backup, or delete it to generate a new one, which signs out"
                    + " every user", e);
        }
    }

    private static void createKeysetFile(Path keysetFile) {
        Path directory = keysetFile.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalStateException("cannot create the access-token keyset file " + keysetFile
                    + " because its directory does not exist; create the directory first");
        }
        String json;
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(JwtHmacParameters.builder()
                    .setAlgorithm(JwtHmacParameters.Algorithm.HS256)
                    .setKeySizeBytes(KEY_SIZE_BYTES)
                    .setKidStrategy(JwtHmacParameters.KidStrategy.BASE64_ENCODED_KEY_ID)
                    .build());
            json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("generating an access-token keyset failed: " + e.getMessage(), e);
        }
        Path temporary = null;
        try {
            // The keyset is written to a private temporary file and then hard-linked into place: the link fails
            // when another instance created the file first, and no reader ever sees a partly written keyset.
            temporary = Files.createTempFile(directory, ".access-token-keyset-", ".tmp",
                    PosixFilePermissions.asFileAttribute(ownerOnly()));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.setPosixFilePermissions(temporary, ownerOnly());
            Files.createLink(keysetFile, temporary);
            LOG.info("Created the access-token keyset file {} with mode 0600", keysetFile);
        } catch (FileAlreadyExistsException e) {
            LOG.info("Access-token keyset file {} was created by another process meanwhile; using it", keysetFile);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("cannot create the access-token keyset file " + keysetFile + " with mode"
                    + " 0600 because its file system has no POSIX permissions; create the keyset yourself", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the access-token keyset file " + keysetFile + " (" + e
                    + "); check that this service may write to " + directory, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary keyset file {}; delete it by hand: {}", temporary, e.toString());
        }
    }

    private static void warnIfReadableByOthers(Path keysetFile) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keysetFile);
            if (permissions.stream().anyMatch(p -> !ownerOnly().contains(p))) {
                LOG.warn("Access-token keyset file {} has mode {}, so other users may read the signing keys;"
                        + " run chmod 600 on it", keysetFile, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Could not read the permissions of {}: {}", keysetFile, e.toString());
        }
    }

    private static Set<PosixFilePermission> ownerOnly() {
        return Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
