import type { EvolutionData } from './types.js';

/** Node id → the group track it belonged to in window `index`. */
export function windowMembership(evolution: EvolutionData, index: number): Map<string, string> {
  const map = new Map<string, string>();
  for (const track of evolution.tracks) {
    const snap = track.snapshots.find((s) => s.window === index);
    if (snap) for (const id of snap.members) map.set(id, track.id);
  }
  return map;
}

/** Groups alive in window `index`, largest first. */
export function windowGroups(evolution: EvolutionData, index: number): Array<{ id: string; size: number }> {
  return evolution.tracks
    .flatMap((t) => t.snapshots.filter((s) => s.window === index).map((s) => ({ id: t.id, size: s.size })))
    .sort((a, b) => b.size - a.size);
}

const WORDS: Record<string, string> = {
  BIRTH: 'born', DEATH: 'dissolved', MERGE: 'merged', SPLIT: 'split', GROWTH: 'grew', CONTRACTION: 'shrank', CONTINUATION: 'continued',
};

/** The window's life-cycle events in words: "Groups 2 + 5 merged into 2". */
export function describeEvent(e: { type: string; from: string[]; to: string[] }): string {
  const verb = WORDS[e.type] ?? e.type.toLowerCase();
  if (e.type === 'BIRTH') return `Group ${e.to.join(', ')} ${verb}`;
  if (e.type === 'DEATH') return `Group ${e.from.join(', ')} ${verb}`;
  if (e.type === 'MERGE') return `Groups ${e.from.join(' + ')} ${verb} into ${e.to.join(', ')}`;
  if (e.type === 'SPLIT') return `Group ${e.from.join(', ')} ${verb} into ${e.to.join(' + ')}`;
  return `Group ${e.to.join(', ') || e.from.join(', ')} ${verb}`;
}
