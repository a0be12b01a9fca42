-- Rapport's data model. Every table carries tenant_id and every key leads with it, so a tenant's rows cluster
-- together and the schema distributes by tenant_id (e.g. on Citus) without change.

CREATE TABLE tenants (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customers (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  external_id text NOT NULL,
  name text,
  handle text,
  email text,
  country text,
  attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, external_id)
);

-- Order lines. (invoice, line_no) is the line's identity in its source, so re-imports are no-ops.
-- No foreign key to customers: ingestion creates the customers itself, and a per-row trigger would halve COPY speed.
CREATE TABLE orders (
  tenant_id text NOT NULL,
  invoice text NOT NULL,
  line_no integer NOT NULL,
  customer_id bigint,                     -- NULL: a guest order that belongs to no customer
  ordered_at timestamptz NOT NULL,
  quantity numeric NOT NULL,
  unit_price numeric NOT NULL,
  amount numeric NOT NULL,
  product text,
  description text,
  cancelled boolean NOT NULL,
  PRIMARY KEY (tenant_id, invoice, line_no)
);
-- Partial: guest lines (a quarter of Online Retail) are never looked up by customer, and every entry costs on COPY.
CREATE INDEX orders_customer ON orders (tenant_id, customer_id) WHERE customer_id IS NOT NULL;

-- Per-customer aggregates over valid lines (not cancelled, quantity > 0), maintained by ingestion in the same
-- transaction as the lines: analytics read these, never the lines.
CREATE TABLE customer_stats (
  tenant_id text NOT NULL,
  customer_id bigint NOT NULL,
  first_order_at timestamptz NOT NULL,
  last_order_at timestamptz NOT NULL,
  invoices integer NOT NULL,
  monetary numeric NOT NULL,
  PRIMARY KEY (tenant_id, customer_id)
);

CREATE TABLE customer_daily (
  tenant_id text NOT NULL,
  customer_id bigint NOT NULL,
  day date NOT NULL,
  invoices integer NOT NULL,
  monetary numeric NOT NULL,
  first_order_at timestamptz NOT NULL,
  last_order_at timestamptz NOT NULL,     -- recency counts from the time of day, not just the day
  PRIMARY KEY (tenant_id, customer_id, day)
);

CREATE TABLE interactions (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  external_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('social', 'email', 'chat', 'call', 'meeting', 'note', 'review')),
  direction text CHECK (direction IN ('inbound', 'outbound')),
  occurred_at timestamptz NOT NULL,
  text text NOT NULL,
  author text,
  customer_id bigint,
  gold_label text CHECK (gold_label IN ('positive', 'neutral', 'negative')),
  predicted_label text CHECK (predicted_label IN ('positive', 'neutral', 'negative')),
  p_positive real,
  p_neutral real,
  p_negative real,
  model_id text,
  attributes jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, external_id)
);
CREATE INDEX interactions_time ON interactions (tenant_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_customer ON interactions (tenant_id, customer_id, occurred_at DESC);

CREATE TABLE relationships (
  tenant_id text NOT NULL,
  source_id bigint NOT NULL,
  target_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,31}$'),
  weight double precision NOT NULL DEFAULT 1,
  first_seen timestamptz,
  last_seen timestamptz,
  PRIMARY KEY (tenant_id, source_id, target_id, kind)
);

-- One row per import, written in the import's own transaction: an aborted import leaves no trace here either.
CREATE TABLE imports (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL,
  format text NOT NULL,
  source text NOT NULL,
  rows_read integer NOT NULL,
  rows_inserted integer NOT NULL,
  rows_rejected integer NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Bumped by every write, so caches keyed on (tenant, version) never serve stale analytics.
CREATE TABLE tenant_versions (
  tenant_id text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
