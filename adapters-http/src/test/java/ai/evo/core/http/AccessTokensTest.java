package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.750Z"));
    private final ClientId client = new ClientId(UUID.fromString("0190a6c2-7c1e-7d3a-8b3f-2f1e4d5c6b7a"));
    private final User member = user(client, false);

    private AccessTokens tokens(String fileName) {
        return AccessTokens.load(dir.resolve(fileName), true, LIFETIME, clock);
    }

    @Test
    void issuedTokenVerifiesWithAllClaims() throws Exception {
        AccessTokens tokens = tokens("keyset.json");

        IssuedToken issued = tokens.issue(member, 3);
        TokenClaims claims = tokens.verify(issued.value()).orElseThrow();

        assertThat(claims.userId()).isEqualTo(member.id());
        assertThat(claims.email()).isEqualTo("member@example.test");
        assertThat(claims.admin()).isFalse();
        assertThat(claims.clientId()).isEqualTo(client);
        assertThat(claims.tokenVersion()).isEqualTo(3);
        assertThat(claims.issuedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(issued.expiresInSeconds()).isEqualTo(900);
        JsonNode payload = decodePart(issued.value(), 1);
        assertThat(payload.get("iss").asText()).isEqualTo(AccessTokens.ISSUER);
        assertThat(payload.get("jti").asText()).isEqualTo(claims.tokenId());
        assertThat(payload.get("client_id").asText()).isEqualTo(client.toString());
        assertThat(payload.has("admin")).as("a non-admin token carries no admin claim").isFalse();
        assertThat(payload.get("ver").asLong()).isEqualTo(3);
        assertThat(decodePart(issued.value(), 0).get("alg").asText()).isEqualTo("HS256");
    }

    @Test
    void adminWithoutClientHasNoClientClaim() throws Exception {
        AccessTokens tokens = tokens("keyset.json");
        User admin = user(null, true);

        String token = tokens.issue(admin, 3).value();
        TokenClaims claims = tokens.verify(token).orElseThrow();

        assertThat(claims.admin()).isTrue();
        assertThat(claims.client()).isEmpty();
        assertThat(decodePart(token, 1).has("client_id")).isFalse();
    }

    @Test
    void tokenIdsAreUnique() {
        AccessTokens tokens = tokens("keyset.json");

        String first = tokens.verify(tokens.issue(member, 3).value()).orElseThrow().tokenId();
        String second = tokens.verify(tokens.issue(member, 3).value()).orElseThrow().tokenId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void expiredTokenIsRejected() {
        AccessTokens tokens = tokens("keyset.json");
        String token = tokens.issue(member, 3).value();

        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(tokens.verify(token)).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void tamperedSignatureIsRejected() {
        AccessTokens tokens = tokens("keyset.json");
        String token = tokens.issue(member, 3).value();
        int signatureStart = token.lastIndexOf('.') + 1;
        char first = token.charAt(signatureStart);
        String tampered = token.substring(0, signatureStart) + (first == 'A' ? 'B' : 'A')
                + token.substring(signatureStart + 1);

        assertThat(tokens.verify(tampered)).isEmpty();
        assertThat(tokens.verify(token.substring(0, signatureStart))).isEmpty();
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        AccessTokens tokens = tokens("keyset.json");
        String[] parts = tokens.issue(member, 3).value().split("\\.");
        ObjectNode payload = (ObjectNode) decodePart(String.join(".", parts), 1);
        payload.put("admin", true);

        String forged = parts[0] + "." + encode(payload) + "." + parts[2];

        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void algNoneTokenIsRejected() throws Exception {
        AccessTokens tokens = tokens("keyset.json");
        String genuine = tokens.issue(member, 3).value();
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        header.set("kid", decodePart(genuine, 0).get("kid"));
        ObjectNode payload = (ObjectNode) decodePart(genuine, 1);
        payload.put("admin", true);

        String unsigned = encode(header) + "." + encode(payload) + ".";
        String unsignedWithGenuineSignature = encode(header) + "." + encode(payload) + "."
                + genuine.substring(genuine.lastIndexOf('.') + 1);

        assertThat(tokens.verify(unsigned)).isEmpty();
        assertThat(tokens.verify(unsignedWithGenuineSignature)).isEmpty();
    }

    @Test
    void tokenFromAnotherKeysetIsRejected() {
        AccessTokens ours = tokens("ours.json");
        AccessTokens theirs = tokens("theirs.json");

        assertThat(ours.verify(theirs.issue(member, 3).value())).isEmpty();
        assertThat(theirs.verify(ours.issue(member, 3).value())).isEmpty();
    }

    @Test
    void malformedTokensAreRejectedWithoutException() {
        AccessTokens tokens = tokens("keyset.json");
        String validHeader = encodeText("{\"alg\":\"HS256\"}");
        List<String> malformed = List.of("", "abc", "a.b", "a.b.c", "..", "a.b.c.d", "Bearer x.y.z",
                "ey.ey.ey", validHeader + ".e30.", validHeader + "." + encodeText("[]") + ".AAAA",
                encodeText("null") + "." + encodeText("{}") + ".AAAA", encodeText("{") + ".e30.AAAA",
                validHeader + "." + encodeText("{\"exp\":\"soon\"}") + ".AAAA",
                validHeader + "." + encodeText("{\"exp\":1e400,\"sub\":[]}") + ".AAAA",
                encodeText("[".repeat(2000)) + ".e30.AAAA", encodeText("{\"alg\":\"HS256\",\"alg\":\"none\"}")
                        + ".e30.AAAA",
                "x".repeat(5000) + ".a.b", "\u0000.\u0000.\u0000", "é.é.é");

        for (String token : malformed) {
            assertThat(tokens.verify(token)).as("token %s", token).isEmpty();
        }
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void createdKeysetFileIsPrivateAndReused() throws Exception {
        Path file = dir.resolve("keyset.json");
        AccessTokens first = AccessTokens.load(file, true, LIFETIME, clock);
        String keyset = Files.readString(file);

        AccessTokens second = AccessTokens.load(file, true, LIFETIME, clock);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(keyset);
        assertThat(second.verify(first.issue(member, 3).value())).isPresent();
        assertThat(Files.list(dir).map(path -> path.getFileName().toString())).containsExactly("keyset.json");
    }

    @Test
    void missingKeysetFileWithoutCreationNamesPath() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> AccessTokens.load(file, false, LIFETIME, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void missingKeysetDirectoryNamesPath() {
        Path file = dir.resolve("no-such-directory").resolve("keyset.json");

        assertThatThrownBy(() -> AccessTokens.load(file, true, LIFETIME, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("create the directory");
    }

    @Test
    void malformedKeysetFileNamesPath() throws Exception {
        for (String content : List.of("{not json", "{}", "", "[1,2]", "{\"primaryKeyId\": \"x\"}")) {
            Path file = dir.resolve("malformed.json");
            Files.writeString(file, content);

            assertThatThrownBy(() -> AccessTokens.load(file, true, LIFETIME, clock))
                    .as("keyset file content %s", content)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("not a valid Tink JSON keyset");
            assertThat(Files.readString(file)).isEqualTo(content);
        }
    }

    @Test
    void keysetWithoutJwtKeysNamesPath() throws Exception {
        AeadConfig.register();
        KeysetHandle aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM);
        Path file = dir.resolve("aead.json");
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(aead, InsecureSecretKeyAccess.get()));

        assertThatThrownBy(() -> AccessTokens.load(file, false, LIFETIME, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no JWT HMAC key");
    }

    @Test
    void lifetimeBelowOneSecondIsRejected() {
        assertThatThrownBy(() -> AccessTokens.load(dir.resolve("k.json"), true, Duration.ofMillis(500), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one second");
    }

    @Test
    void issuedTokenTextHidesValue() {
        IssuedToken issued = tokens("keyset.json").issue(member, 3);

        assertThat(issued.toString()).doesNotContain(issued.value());
    }

    private User user(ClientId clientId, boolean admin) {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        String email = admin ? "admin@example.test" : "member@example.test";
        return new User(new UserId(UUID.randomUUID()), new EmailAddress(email), "hash", clientId, true, true, admin,
                0, null, created, created);
    }

    private static JsonNode decodePart(String token, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    private static String encode(JsonNode node) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
    }

    private static String encodeText(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
