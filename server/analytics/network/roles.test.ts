import { describe, expect, it } from 'vitest';
import { roleCode, roles } from './roles';

describe('roleCode (Guimerà & Amaral 2005 thresholds)', () => {
  it('maps z and P onto R1–R7', () => {
    expect([roleCode(0, 0), roleCode(0, 0.05), roleCode(0, 0.06), roleCode(1, 0.62), roleCode(1, 0.7), roleCode(2.49, 0.81)]).toEqual(['R1', 'R1', 'R2', 'R2', 'R3', 'R4']);
    expect([roleCode(2.5, 0), roleCode(3, 0.3), roleCode(3, 0.5), roleCode(3, 0.76)]).toEqual(['R5', 'R5', 'R6', 'R7']);
  });
});

describe('roles on a hand-made graph', () => {
  // A = star 0–{1…9}; B = clique 10–13; C = clique 14–17; D = {18}; E, F, G = triangles 20–22, 23–25, 26–28.
  // Node 1 also ties to B and C (P = 2/3: connector); node 2 ties to B (P = 1/2: peripheral);
  // node 18 ties to six groups once each (P = 5/6: kinless); the star centre is A's hub (z = 3).
  const ties: [number, number][] = [];
  for (let leaf = 1; leaf <= 9; leaf++) ties.push([0, leaf]);
  for (const group of [[10, 11, 12, 13], [14, 15, 16, 17], [20, 21, 22], [23, 24, 25], [26, 27, 28]]) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) ties.push([group[i]!, group[j]!]);
  }
  ties.push([1, 10], [1, 14], [2, 11]);
  for (const other of [3, 12, 16, 20, 23, 26]) ties.push([18, other]);
  const nodes = Array.from({ length: 29 }, (_, i) => `c${i}`);
  const input = { nodes, source: ties.map((t) => t[0]), target: ties.map((t) => t[1]) };
  const community = (i: number) => (i <= 9 ? 0 : i <= 13 ? 1 : i <= 17 ? 2 : i <= 19 ? 3 : i <= 22 ? 4 : i <= 25 ? 5 : 6);
  const membership = Int32Array.from(nodes, (_, i) => community(i));
  const result = roles(input, membership);

  it('finds the hub, the connector, the peripheral, the ultra-peripheral and the kinless node', () => {
    expect(result.z[0]).toBeCloseTo(3, 12);
    expect(result.participation[0]).toBe(0);
    expect(result.role[0]).toBe('hub');
    expect(result.participation[1]).toBeCloseTo(2 / 3, 12);
    expect(result.role[1]).toBe('connector');
    expect(result.participation[2]).toBeCloseTo(1 / 2, 12);
    expect(result.role[2]).toBe('peripheral');
    expect(result.role[5]).toBe('ultra-peripheral');
    expect(result.participation[18]).toBeCloseTo(5 / 6, 12);
    expect(result.code[18]).toBe('R4');
    expect(result.role[18]).toBe('kinless');
    expect(result.role[19]).toBe('ultra-peripheral'); // isolated: P = 0, z = 0
  });

  it('names the hub as its community’s first leader', () => {
    expect(result.leaders[0]![0]).toBe(0);
    expect(result.leaders[0]).toHaveLength(3);
  });
});
