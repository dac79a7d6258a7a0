import { describe, expect, it } from 'vitest';
import { clusterRadius, gridCluster } from './cluster';

describe('grid clustering', () => {
  it('puts points of one cell together at their mean position', () => {
    const c = gridCluster(
      [
        { x: 10, y: 10 },
        { x: 20, y: 30 },
        { x: 100, y: 100 },
      ],
      50,
    );
    expect(c).toHaveLength(2);
    const big = c.find((k) => k.members.length === 2)!;
    expect(big.members).toEqual([0, 1]);
    expect(big.x).toBe(15);
    expect(big.y).toBe(20);
  });
  it('keeps every point exactly once and skips invalid ones', () => {
    const pts = Array.from({ length: 10_000 }, (_, i) => ({ x: (i * 37) % 1000, y: (i * 91) % 700 }));
    pts.push({ x: Number.NaN, y: 1 });
    const c = gridCluster(pts, 56);
    const all = c.flatMap((k) => k.members).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(c.length).toBeLessThanOrEqual(Math.ceil(1000 / 56) * Math.ceil(700 / 56));
  });
  it('sizes markers by count', () => {
    expect(clusterRadius(1)).toBe(8);
    expect(clusterRadius(10)).toBeLessThan(clusterRadius(1000));
    expect(clusterRadius(1e9)).toBe(28);
  });
});
