-- Customer sign-up (issue 12): translates sqlite/0027_signup.sql (read its comments there).
ALTER TABLE tenants ADD COLUMN signup_mode TEXT NOT NULL DEFAULT 'staff'
    CHECK (signup_mode IN ('staff', 'sso', 'open', 'domains'));
ALTER TABLE tenants ADD COLUMN signup_domains TEXT NOT NULL DEFAULT '';

ALTER TABLE password_tokens DROP CONSTRAINT password_tokens_purpose_check;
ALTER TABLE password_tokens ADD CONSTRAINT password_tokens_purpose_check
    CHECK (purpose IN ('setup', 'invite', 'reset', 'signup'));

ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('setup', 'invitation', 'password_reset', 'notification', 'digest', 'signup', 'account_exists'));
