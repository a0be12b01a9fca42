/**
 * Roles from intra- and inter-community ties (Guimerà & Amaral 2005, "Functional cartography of complex metabolic
 * networks", Nature 433). For node i in community s:
 *   z_i = (κ_i − mean_s κ) / std_s κ     within-community degree z-score (0 when std_s = 0)
 *   P_i = 1 − Σ_t (κ_it / k_i)²           participation coefficient (0 for isolated nodes)
 * κ_i = ties to its own community, κ_it = ties to community t, k_i = all ties (distinct neighbours, or strengths
 * when `weighted`). The paper's seven roles and the names Rapport shows:
 *   non-hubs (z < 2.5): R1 ultra-peripheral P ≤ 0.05 → ultra-peripheral · R2 peripheral P ≤ 0.62 → peripheral ·
 *                       R3 non-hub connector P ≤ 0.80 → connector · R4 non-hub kinless P > 0.80 → kinless
 *   hubs (z ≥ 2.5):     R5 provincial hub P ≤ 0.30 → hub · R6 connector hub P ≤ 0.75 → hub · R7 kinless hub → kinless
 * (a connector hub leads its own group first; `code` keeps R1–R7 for who needs the finer cut). Leaders of a
 * community: its members by z, then PageRank, descending.
 */
import { fail, type NetworkInput } from './input';
import { prepareNetwork } from './network';
import { pageRank as computePageRank } from './pagerank';

export type RoleName = 'hub' | 'connector' | 'peripheral' | 'ultra-peripheral' | 'kinless';
export type RoleCode = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

export const ROLE_NAMES: Record<RoleCode, RoleName> = {
  R1: 'ultra-peripheral',
  R2: 'peripheral',
  R3: 'connector',
  R4: 'kinless',
  R5: 'hub',
  R6: 'hub',
  R7: 'kinless',
};

export interface RoleOptions {
  /** Count tie weights instead of distinct neighbours. @default false */
  weighted?: boolean;
  /** Leaders kept per community. @default 3 */
  leaders?: number;
  /** PageRank per node for ordering leaders; computed when missing. */
  pageRank?: ArrayLike<number>;
}

export const ROLE_DEFAULTS = { weighted: false, leaders: 3 } as const;

export interface RolesResult {
  readonly z: Float64Array;
  readonly participation: Float64Array;
  readonly code: readonly RoleCode[];
  readonly role: readonly RoleName[];
  /** Per community id, its leaders' node indices, best first. */
  readonly leaders: readonly (readonly number[])[];
}

export function roleCode(z: number, p: number): RoleCode {
  if (z < 2.5) return p <= 0.05 ? 'R1' : p <= 0.62 ? 'R2' : p <= 0.8 ? 'R3' : 'R4';
  return p <= 0.3 ? 'R5' : p <= 0.75 ? 'R6' : 'R7';
}

/** `membership`: community id (0…count-1) per node, e.g. `detectCommunities(input).membership`. */
export function roles(input: NetworkInput, membership: ArrayLike<number>, options: RoleOptions = {}): RolesResult {
  const o = { ...ROLE_DEFAULTS, ...options };
  const { csr, n } = prepareNetwork(input);
  if (membership.length !== n) fail(`roles: membership has ${membership.length} entries for ${n} nodes`);
  let count = 0;
  for (let i = 0; i < n; i++) count = Math.max(count, membership[i]! + 1);

  const inside = new Float64Array(n);
  const participation = new Float64Array(n);
  const toCommunity = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    toCommunity.clear();
    let k = 0;
    for (let p = csr.offsets[i]!; p < csr.offsets[i + 1]!; p++) {
      const w = o.weighted ? csr.weights[p]! : 1;
      const c = membership[csr.neighbors[p]!]!;
      toCommunity.set(c, (toCommunity.get(c) ?? 0) + w);
      k += w;
    }
    inside[i] = toCommunity.get(membership[i]!) ?? 0;
    if (k === 0) continue;
    let sum = 0;
    for (const kappa of toCommunity.values()) sum += (kappa / k) ** 2;
    participation[i] = 1 - sum;
  }

  const total = new Float64Array(count);
  const squares = new Float64Array(count);
  const size = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    total[c]! += inside[i]!;
    squares[c]! += inside[i]! ** 2;
    size[c]!++;
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    const mean = total[c]! / size[c]!;
    const std = Math.sqrt(Math.max(0, squares[c]! / size[c]! - mean * mean));
    z[i] = std > 1e-12 ? (inside[i]! - mean) / std : 0;
  }
  const code = Array.from({ length: n }, (_, i) => roleCode(z[i]!, participation[i]!));
  const ranks = o.pageRank ?? computePageRank(input);
  const byCommunity: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) byCommunity[membership[i]!]!.push(i);
  const leaders = byCommunity.map((members) =>
    members.sort((a, b) => z[b]! - z[a]! || ranks[b]! - ranks[a]! || a - b).slice(0, o.leaders),
  );
  return { z, participation, code, role: code.map((c) => ROLE_NAMES[c]), leaders };
}
