package ai.evo.core.domain.audit;

/** The kind of audited action. The stored value is the constant's name. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    EMAIL_VERIFICATION_SENT,
    EMAIL_VERIFIED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    PURGE
}
