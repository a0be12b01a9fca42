-- Credentials (issue 8). A key's secret is shown once and never stored: `hash` is sha256 of the whole key, which
-- is 32 random bytes, so a plain hash is as strong as a slow one. `id` is public (it is part of the key and of
-- every log line about it) and unique across tenants, so a presented key is found without knowing its tenant.
CREATE TABLE api_keys (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL UNIQUE CHECK (id ~ '^[a-z0-9]{12}$'),
  prefix text NOT NULL,
  hash bytea NOT NULL,
  scope text NOT NULL CHECK (scope IN ('read', 'write')),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_used_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);

-- Origins allowed to call the API from a browser (CORS) and to be named in an embed token.
CREATE TABLE tenant_origins (
  tenant_id text NOT NULL REFERENCES tenants (id),
  origin text NOT NULL CHECK (origin ~ '^https?://[^/?#\s]+$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, origin)
);

-- Server-wide secrets, e.g. the embed-token signing key when RAPPORT_TOKEN_SECRET is not set. No tenant_id: the
-- tenant-scoped role is never granted this table.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
