import { DEFAULT_REGIONS } from '../../widgets/index.js';

export const SEGMENTS = DEFAULT_REGIONS.map((r) => ({ name: r.name, label: r.label }));

export function segmentLabel(name: string | undefined): string {
  return SEGMENTS.find((s) => s.name === name)?.label ?? name ?? '—';
}
