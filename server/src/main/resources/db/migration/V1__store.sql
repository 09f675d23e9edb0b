-- ncmcp store, version 1. Portable between SQLite and PostgreSQL: TEXT and BIGINT only; times are
-- epoch milliseconds (UTC). Columns noted "sealed" hold v1.<kid>.<base64url> AES-256-GCM values
-- (SecretBox); one-time codes, refresh tokens and OAuth states are stored as SHA-256 hashes only.

-- Per-user Nextcloud app passwords from Login Flow v2, with the scopes the user granted.
CREATE TABLE app_passwords (
    subject        TEXT   NOT NULL PRIMARY KEY,
    nextcloud_user TEXT   NOT NULL,
    app_password   TEXT   NOT NULL, -- sealed
    scopes         TEXT   NOT NULL, -- space-separated
    created_at     BIGINT NOT NULL
);

-- Login Flow v2 sessions waiting for the user's grant (one per subject).
CREATE TABLE login_flows (
    subject       TEXT   NOT NULL PRIMARY KEY,
    poll_token    TEXT   NOT NULL, -- sealed
    poll_endpoint TEXT   NOT NULL,
    login_url     TEXT   NOT NULL,
    scopes        TEXT   NOT NULL, -- space-separated
    expires_at    BIGINT NOT NULL
);
CREATE INDEX login_flows_expires_at ON login_flows (expires_at);

-- Facade: MCP clients' authorization requests parked while the user is at the IdP.
CREATE TABLE pending_authorizations (
    state_hash        TEXT   NOT NULL PRIMARY KEY, -- SHA-256 of the state sent to the IdP
    client_id         TEXT   NOT NULL,
    redirect_uri      TEXT,
    client_state      TEXT,
    code_challenge    TEXT,
    scope             TEXT,
    resource          TEXT,
    idp_code_verifier TEXT, -- sealed
    expires_at        BIGINT NOT NULL
);
CREATE INDEX pending_authorizations_expires_at ON pending_authorizations (expires_at);

-- Facade: one-time authorization codes (single use, about 60 s).
CREATE TABLE authorization_codes (
    code_hash         TEXT   NOT NULL PRIMARY KEY, -- SHA-256 of the code
    client_id         TEXT   NOT NULL,
    redirect_uri      TEXT,
    code_challenge    TEXT,
    scope             TEXT,
    resource          TEXT,
    subject           TEXT,
    idp_access_token  TEXT, -- sealed
    idp_refresh_token TEXT, -- sealed
    access_expires_at BIGINT,
    expires_at        BIGINT NOT NULL
);
CREATE INDEX authorization_codes_expires_at ON authorization_codes (expires_at);

-- Facade: MCP clients registered by RFC 7591 (expires_at null) or cached metadata documents.
CREATE TABLE client_registrations (
    client_id  TEXT   NOT NULL PRIMARY KEY,
    metadata   TEXT   NOT NULL, -- JSON object
    created_at BIGINT NOT NULL,
    expires_at BIGINT
);
CREATE INDEX client_registrations_expires_at ON client_registrations (expires_at);

-- The sidecar's own client at each identity provider, keyed by issuer.
CREATE TABLE idp_clients (
    issuer                    TEXT   NOT NULL PRIMARY KEY,
    client_id                 TEXT   NOT NULL,
    client_secret             TEXT, -- sealed
    registration_access_token TEXT, -- sealed
    registration_client_uri   TEXT,
    created_at                BIGINT NOT NULL
);

-- Facade: refresh tokens issued to MCP clients (rotating: each is taken once).
CREATE TABLE refresh_tokens (
    token_hash        TEXT   NOT NULL PRIMARY KEY, -- SHA-256 of the token
    client_id         TEXT   NOT NULL,
    subject           TEXT,
    scope             TEXT,
    resource          TEXT,
    idp_refresh_token TEXT, -- sealed
    expires_at        BIGINT NOT NULL
);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);
CREATE INDEX refresh_tokens_subject ON refresh_tokens (subject);
