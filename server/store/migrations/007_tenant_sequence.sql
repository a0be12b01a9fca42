-- Interaction.sequence numbered per tenant (1, 2, 3… in the order a tenant's interactions were written) instead of
-- the table-wide identity, whose gaps showed how many rows other tenants wrote in between. Existing rows are
-- numbered in id order, which is the order they were written (server/ingest/load/interactions.ts); new ones get the
-- next numbers under the same per-tenant lock that orders their ids. Numbering rewrites every row, so the two
-- secondary indexes are dropped for it and built again after (1,000,000 interactions on PostgreSQL: 35 s instead
-- of 52; bench/migration-007.ts, docs/store.md "Upgrading").
ALTER TABLE interactions ADD COLUMN sequence bigint;
DROP INDEX interactions_time;
DROP INDEX interactions_customer;
UPDATE interactions AS i SET sequence = n.sequence FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS sequence FROM interactions) AS n WHERE i.tenant_id = n.tenant_id AND i.id = n.id;
ALTER TABLE interactions ALTER COLUMN sequence SET NOT NULL;
CREATE UNIQUE INDEX interactions_sequence ON interactions (tenant_id, sequence);
CREATE INDEX interactions_time ON interactions (tenant_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_customer ON interactions (tenant_id, customer_id, occurred_at DESC);
