package ai.evo.core.http;

import ai.evo.core.application.auth.PasswordService;
import ai.evo.core.application.auth.RegistrationService;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.user.UserService;
import ai.evo.core.domain.user.User;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * The self-service account routes under {@code /api/v1/auth}: sign-up, email verification, password recovery,
 * the caller's own account and password change. Every rule is the application services'.
 */
final class AccountRoutes {
    static final String TOKEN = "token";

    private static final List<String> REGISTER_FIELDS = List.of("email", "password", "name");
    private static final List<String> EMAIL_FIELDS = List.of("email");
    private static final List<String> RESET_FIELDS = List.of("token", "new_password");
    private static final List<String> CHANGE_FIELDS = List.of("current_password", "new_password");
    private static final String MAIL_ON_ITS_WAY = "If the email belongs to an account that can use this, a message"
            + " with a link is on its way. It may take a few minutes to arrive.";

    private final RegistrationService registration;
    private final PasswordService passwords;
    private final UserService users;
    private final JsonBodies bodies;
    private final Json json;
    private final RequestOrigins origins;
    private final AccessStateCache accessStates;

    AccountRoutes(RegistrationService registration, PasswordService passwords, UserService users, JsonBodies bodies,
                  Json json, RequestOrigins origins, AccessStateCache accessStates) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.users = Objects.requireNonNull(users, "users");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.accessStates = Objects.requireNonNull(accessStates, "accessStates");
    }

    /** A plain confirmation for the client to show. */
    record MessageView(String message) {
    }

    /** {@code POST /api/v1/auth/register}: 201 with the new, inactive account. */
    void register(Context ctx) {
        JsonFields fields = JsonFields.of(bodies.readObject(ctx), REGISTER_FIELDS);
        String email = fields.requiredString("email");
        String password = fields.requiredString("password");
        String name = fields.requiredString("name");
        fields.throwIfInvalid();

        User user = registration.register(origins.originOf(ctx), email, password, name);
        json.respond(ctx, 201, UserView.of(user));
    }

    /** {@code GET /api/v1/auth/verify-email/{token}}: activates the account. */
    void verifyEmail(Context ctx) {
        registration.verifyEmail(origins.originOf(ctx), ctx.pathParam(TOKEN));
        json.respond(ctx, 200, new MessageView("The email is verified and the account is active; sign in at"
                + " POST /api/v1/auth/login."));
    }

    /** {@code POST /api/v1/auth/resend-verification}: 202 whether or not the email has a pending account. */
    void resendVerification(Context ctx) {
        String email = readEmail(ctx);
        registration.resendVerification(origins.originOf(ctx), email);
        json.respond(ctx, 202, new MessageView(MAIL_ON_ITS_WAY));
    }

    /** {@code POST /api/v1/auth/forgot-password}: 202 whether or not the email has an account. */
    void forgotPassword(Context ctx) {
        String email = readEmail(ctx);
        passwords.requestReset(origins.originOf(ctx), email);
        json.respond(ctx, 202, new MessageView(MAIL_ON_ITS_WAY));
    }

    /** {@code POST /api/v1/auth/reset-password}: 204 once the new password is set. */
    void resetPassword(Context ctx) {
        JsonFields fields = JsonFields.of(bodies.readObject(ctx), RESET_FIELDS);
        String token = fields.requiredString("token");
        String newPassword = fields.requiredString("new_password");
        fields.throwIfInvalid();

        User user = passwords.resetPassword(origins.originOf(ctx), token, newPassword);
        accessStates.evict(user.id());
        ctx.status(204);
    }

    /** {@code GET /api/v1/auth/me}: the caller's own account. */
    void me(Context ctx, Caller caller) {
        json.respond(ctx, 200, UserView.of(users.me(caller)));
    }

    /** {@code POST /api/v1/auth/change-password}: 204; every earlier token of the account stops working. */
    void changePassword(Context ctx, Caller caller) {
        JsonFields fields = JsonFields.of(bodies.readObject(ctx), CHANGE_FIELDS);
        String current = fields.requiredString("current_password");
        String newPassword = fields.requiredString("new_password");
        fields.throwIfInvalid();

        User user = passwords.changePassword(caller, current, newPassword);
        accessStates.evict(user.id());
        ctx.status(204);
    }

    private String readEmail(Context ctx) {
        JsonFields fields = JsonFields.of(bodies.readObject(ctx), EMAIL_FIELDS);
        String email = fields.requiredString("email");
        fields.throwIfInvalid();
        return email;
    }
}
