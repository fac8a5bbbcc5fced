package ai.evo.core.domain.audit;

/** What an audited action did. The stored value is the constant's name. */
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
    PASSWORD_CHANGED
}
