import { describe, expect, it } from 'vitest';
import { mergeItems } from './merge.js';
import type { FeedItem } from './types.js';

const item = (id: string, at: string, text = id): FeedItem => ({ id, occurredAt: at, channel: 'email', text });

describe('mergeItems', () => {
  it('keeps newest first, replaces known ids in place and never duplicates', () => {
    const base = mergeItems([], [item('a', '2026-01-01'), item('c', '2026-01-03'), item('b', '2026-01-02')]);
    expect(base.map((i) => i.id)).toEqual(['c', 'b', 'a']);
    const next = mergeItems(base, [item('d', '2026-01-04'), item('b', '2026-01-02', 'B'), item('e', '2026-01-02T12:00:00Z'), item('d', '2026-01-04')]);
    expect(next.map((i) => i.id)).toEqual(['d', 'c', 'e', 'b', 'a']);
    expect(next.find((i) => i.id === 'b')!.text).toBe('B');
    expect(mergeItems(next, [])).toBe(next);
  });
});
