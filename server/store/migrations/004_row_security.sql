-- Row-level security (issue 8): a second wall behind the tenant filters every query already has. Requests run as
-- the NOLOGIN role rapport_app with `app.tenant` set (server/store/tenant-scope.ts); the policies then hide every
-- other tenant's rows even from a query that forgets `WHERE tenant_id`. The owner (migrations, the CLI) is not
-- subject to them. Roles are cluster-wide, so creating one tolerates another database (or a racing server) having
-- made it first; the one-line DO blocks are there because migrations split statements at line ends.
-- A DBA may create the role beforehand (`CREATE ROLE rapport_app NOLOGIN; GRANT rapport_app TO <owner>`), so an owner
-- without CREATEROLE can run this: the role is created, and granted, only when missing (docs/deployment.md). Changed
-- in place on 2026-12-07: the same end state, so stores that applied the old text are unaffected, and a store left at
-- 003 by the old text (`permission denied to create role`) moves on.
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rapport_app') THEN CREATE ROLE rapport_app NOLOGIN; END IF; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; WHEN insufficient_privilege THEN RAISE EXCEPTION 'role rapport_app does not exist and % may not create it: have a superuser run CREATE ROLE rapport_app NOLOGIN; GRANT rapport_app TO %', current_user, current_user; END $$;
DO $$ BEGIN IF NOT pg_has_role(current_user, 'rapport_app', 'MEMBER') THEN EXECUTE format('GRANT rapport_app TO %I', current_user); END IF; EXCEPTION WHEN insufficient_privilege THEN RAISE EXCEPTION '% is not a member of rapport_app and may not grant it: have a superuser run GRANT rapport_app TO %', current_user, current_user; END $$;

GRANT USAGE ON SCHEMA public TO rapport_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO rapport_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rapport_app;
-- Tables added by later migrations get the same grants; each still needs its own policy (a test checks).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rapport_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO rapport_app;
-- Credentials and secrets are read by the server's own (owner) connection only.
REVOKE ALL ON schema_migrations, server_secrets, api_keys FROM rapport_app;
GRANT SELECT ON schema_migrations TO rapport_app;

-- One policy per tenant table: rows of the tenant named by app.tenant, for reads and writes alike. An unset
-- app.tenant is NULL and matches nothing.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (id = current_setting('app.tenant', true)) WITH CHECK (id = current_setting('app.tenant', true));
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customers USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON orders USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE customer_stats ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer_stats USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE customer_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer_daily USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE interactions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON interactions USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE relationships ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON relationships USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON imports USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE tenant_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_versions USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE segment_maps ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON segment_maps USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE tenant_origins ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_origins USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true));
