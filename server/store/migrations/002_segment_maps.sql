-- Tenants' own RFM segment maps (issue 3), chosen per query by name. `map` is the engine's SegmentMap JSON
-- ({ rules: [{ name, r, f, m }], fallback }), validated before it is stored. The name `default` is the paper's map
-- and is never stored.
CREATE TABLE segment_maps (
  tenant_id text NOT NULL,
  name text NOT NULL CHECK (name ~ '^[A-Za-z_][A-Za-z0-9_-]{0,63}$'),
  map jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name)
);
