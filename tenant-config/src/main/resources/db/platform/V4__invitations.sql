-- Pending invitations to join a tenant: a person joins only by accepting (or the invitation is declined or
-- expires). One pending invitation per tenant and address; inviting again renews it. The id is random and
-- unguessable, and only the account with that verified address may use it.
CREATE TABLE invitation (
    id          varchar(36)  PRIMARY KEY,
    tenant_id   bigint       NOT NULL REFERENCES tenant (id),
    email       varchar(254) NOT NULL,
    role        varchar(20)  NOT NULL,
    invited_by  varchar(255) NOT NULL,
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    CONSTRAINT invitation_once UNIQUE (tenant_id, email),
    CONSTRAINT invitation_email_lower CHECK (email = lower(email)),
    CONSTRAINT invitation_role_known CHECK (role IN ('admin', 'assessor', 'contributor', 'reader'))
);
CREATE INDEX invitation_email ON invitation (email);
