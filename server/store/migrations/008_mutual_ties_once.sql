-- A mutual tie (any kind but follows, mentions, replies, referral: server/store/queries/network.ts) is stored once,
-- from the smaller customer id to the larger, so a tie sent again the other way round updates it instead of adding a
-- second row (server/ingest/load/relationships.ts). Rows stored the other way are turned round; where both ways were
-- stored, they become one row of their summed weight (a weight of 0 or less counted 1, and still does), the earliest
-- first and the latest last sighting, as rows of one import naming a tie are merged. The undirected view the
-- analytics read already summed both ways, so results stay as they were, except where the two ways were last seen
-- at different times: the merged tie decays from the later sighting.
WITH turned AS (
  DELETE FROM relationships
  WHERE source_id > target_id AND kind NOT IN ('follows', 'mentions', 'replies', 'referral')
  RETURNING tenant_id, target_id AS source_id, source_id AS target_id, kind, weight, first_seen, last_seen
)
INSERT INTO relationships AS r (tenant_id, source_id, target_id, kind, weight, first_seen, last_seen)
SELECT tenant_id, source_id, target_id, kind, weight, first_seen, last_seen FROM turned
ON CONFLICT (tenant_id, source_id, target_id, kind) DO UPDATE
  SET weight = (CASE WHEN r.weight > 0 THEN r.weight ELSE 1 END) + (CASE WHEN excluded.weight > 0 THEN excluded.weight ELSE 1 END),
    first_seen = least(r.first_seen, excluded.first_seen),
    last_seen = greatest(r.last_seen, excluded.last_seen);
