--liquibase formatted sql

--changeset evo-ai:005-user-token-version
--comment: Every access token carries the token version it was issued under. A password reset or change, a
--comment: deactivation and a change of the admin flag increment it, which voids every token issued before.
ALTER TABLE "user" ADD COLUMN token_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX idx_user_created_at_id ON "user" (created_at, id);
CREATE INDEX idx_user_client_id_created_at_id ON "user" (client_id, created_at, id);

--changeset evo-ai:005-one-time-token
--comment: Email verification and password reset tokens. Only the SHA-256 hash of a token is stored, so reading
--comment: the table reveals no usable token. used_at is set when the token is used or voided by a newer one.
CREATE TABLE one_time_token (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
    purpose VARCHAR(32) NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    token_hash CHAR(64) NOT NULL UNIQUE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_one_time_token_user_id_purpose ON one_time_token (user_id, purpose) WHERE used_at IS NULL;

--changeset evo-ai:005-mail-outbox
--comment: Mail waiting for delivery, written in the transaction of the change that causes it. The body may hold
--comment: a one-time link, so it is stored encrypted with the secrets keyset and set to NULL once sent.
CREATE TABLE mail_outbox (
    id UUID PRIMARY KEY,
    recipient VARCHAR(255) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    body_encrypted TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    last_error TEXT,
    sent_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
