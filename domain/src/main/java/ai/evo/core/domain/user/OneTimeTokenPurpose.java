package ai.evo.core.domain.user;

/** Purpose of a one-time token, which is what using it proves. The stored value is the constant's name. */
public enum OneTimeTokenPurpose {
    /** Proves that the account's owner receives mail at its address; using it activates the account. */
    EMAIL_VERIFICATION,
    /** Lets the account's owner choose a new password without knowing the old one. */
    PASSWORD_RESET
}
