-- ncmcp store, version 2: "was redirect_uri given" carried from the authorization request to the token request
-- (RFC 6749 §4.1.3), and refresh-token families for replay detection (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2) and
-- code-reuse revocation (RFC 6749 §4.1.2). Booleans are BIGINT 0/1.

-- Requests and codes from before this version: the token endpoint required redirect_uri for them, keep it so.
ALTER TABLE pending_authorizations ADD COLUMN redirect_uri_given BIGINT NOT NULL DEFAULT 1;
ALTER TABLE authorization_codes ADD COLUMN redirect_uri_given BIGINT NOT NULL DEFAULT 1;

-- The chain a refresh token belongs to: new for each authorization code, inherited on refresh. Tokens from before
-- this version each form a family of their own.
ALTER TABLE refresh_tokens ADD COLUMN family_id TEXT;
UPDATE refresh_tokens SET family_id = token_hash WHERE family_id IS NULL;
CREATE INDEX refresh_tokens_family_id ON refresh_tokens (family_id);

-- Refresh tokens already used (rotated), until they would have expired: presenting one again is a replay.
CREATE TABLE used_refresh_tokens (
    token_hash TEXT   NOT NULL PRIMARY KEY, -- SHA-256 of the token
    family_id  TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX used_refresh_tokens_expires_at ON used_refresh_tokens (expires_at);

-- Authorization codes already redeemed, until they would have expired, with the family their redemption started.
CREATE TABLE redeemed_codes (
    code_hash  TEXT   NOT NULL PRIMARY KEY, -- SHA-256 of the code
    family_id  TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX redeemed_codes_expires_at ON redeemed_codes (expires_at);

-- Revoked families: no token of theirs is stored any more (one being issued by a request in flight is refused).
CREATE TABLE revoked_token_families (
    family_id  TEXT   NOT NULL PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX revoked_token_families_expires_at ON revoked_token_families (expires_at);
