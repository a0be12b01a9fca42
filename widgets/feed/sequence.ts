/**
 * The feed's catch-up point: the largest ingestion `sequence` it has heard of (the load's `lastSequence`, and every
 * item that came by the stream or a catch-up). Sequences are decimal integers below 2^53, so numbers compare them.
 */
export function latestSequence(current: string | undefined, ...candidates: Array<string | null | undefined>): string | undefined {
  let best = current;
  for (const s of candidates) if (s && /^\d+$/.test(s) && (best === undefined || Number(s) > Number(best))) best = s;
  return best;
}
