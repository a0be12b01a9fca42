import { describe, expect, it } from 'vitest';
import { treemapTiles } from './treemap-layout.js';

const stats = { min: 0, max: 0, mean: 0, std: 0 };
const seg = (name: string, customerCount: number) => ({ name, customerCount, share: 0, recency: stats, frequency: stats, monetary: stats });

describe('treemapTiles', () => {
  it('gives each segment with customers an area proportional to its count, inside the box', () => {
    const tiles = treemapTiles([seg('a', 600), seg('b', 300), seg('c', 100), seg('empty', 0)]);
    expect(tiles.map((t) => t.segment.name)).toEqual(['a', 'b', 'c']);
    const areas = tiles.map((t) => t.width * t.height);
    expect(areas[0]! / areas[2]!).toBeCloseTo(6, 0);
    for (const t of tiles) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x + t.width).toBeLessThanOrEqual(100.0001);
      expect(t.y + t.height).toBeLessThanOrEqual(100.0001);
    }
  });
});
