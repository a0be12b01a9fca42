export { AnalyticsError, type AnalyticsErrorCode } from './errors';
export { SNAPSHOT_DEFAULTS, TenantSnapshot, type SnapshotOptions } from './tenant-snapshot';
export { analyticsCache, TenantCache, type TenantCacheOptions } from './tenant-cache';
export { customerIndex, loadTenantActivity, tenantActivity, type TenantActivity } from './tenant-activity';
export {
  DEFAULT_MAP_NAME,
  defineSegmentMap,
  resolveSegmentMap,
  tenantSegmentMaps,
  type NamedSegmentMap,
} from './segment-maps';
export {
  customerRfm,
  segmentIndexOf,
  segmentMemberIds,
  tenantRfm,
  type CustomerRfm,
  type RfmQuery,
  type TenantRfm,
} from './tenant-rfm';
export { tenantCohorts, type CohortQuery } from './tenant-cohorts';
export { tenantMigration, type MigrationQuery } from './tenant-migration';
export { networkNode, NETWORK_DEFAULTS, tenantNetwork, type TenantNetwork } from './tenant-network';
export { edgePage, tenantNetworkEdges, type EdgeKey, type NetworkEdge, type NetworkEdges } from './network-edges';
export {
  checkResolution,
  COMMUNITY_RESOLUTION,
  tenantBetweenness,
  tenantCommunities,
  tenantInfluence,
  tenantRoles,
  type TenantCommunities,
  type TenantInfluence,
} from './tenant-communities';
export { tenantEvolution, type EvolutionPeriod, type TenantEvolution } from './tenant-evolution';
export {
  closeEngines,
  ENGINE_THREADS_ENV,
  engineThreads,
  engineThreadsFromEnv,
  runEngine,
  setEngineThreads,
  warmEngines,
} from './engine-pool';
