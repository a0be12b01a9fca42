/** Rapport's social-network engines: pure functions over a NetworkInput (README.md for methods and choices). */
export { at, MS_PER_DAY, NetworkError, type NetworkInput, type NodeAttributes, type NumericColumn } from './input';
export { buildGraph, prepareNetwork, type Network } from './network';
export type { Csr } from './csr';
export {
  COMMUNITY_DEFAULTS,
  detectCommunities,
  type CommunityOptions,
  type CommunityResult,
} from './communities';
export { modularity } from './partition';
export { nmi } from './nmi';
export { PAGERANK_DEFAULTS, pageRank, type PageRankOptions } from './pagerank';
export { degreeCentrality, type DegreeResult } from './degree';
export {
  BETWEENNESS_DEFAULTS,
  betweenness,
  type BetweennessOptions,
  type BetweennessResult,
} from './betweenness';
export { INFLUENCE_DEFAULTS, influence, type InfluenceOptions, type InfluenceResult } from './influence';
export { percentileRanks } from './percentile';
export {
  ROLE_DEFAULTS,
  ROLE_NAMES,
  roleCode,
  roles,
  type RoleCode,
  type RoleName,
  type RoleOptions,
  type RolesResult,
} from './roles';
export { EGO_DEFAULTS, egoNetwork, type EgoNetwork, type EgoNode, type EgoOptions } from './ego';
export { timeWindows, type Period, type TimeWindow } from './windows';
export { matchGroups, type EventType, type Match } from './matching';
export {
  earlyWarning,
  profileGroup,
  WARNING_DEFAULTS,
  type EarlyWarning,
  type GroupProfile,
  type WarningOptions,
  type WarningReason,
} from './group-health';
export {
  EVOLUTION_DEFAULTS,
  groupEvolution,
  type EvolutionOptions,
  type EvolutionResult,
  type GroupSnapshot,
  type GroupTrack,
  type LifeCycleEvent,
} from './evolution';
export { RECENCY_DEFAULTS, recencyWeights, type RecencyOptions } from './recency';
export { PLANTED_DEFAULTS, plantedPartition, type PlantedOptions } from './planted';
