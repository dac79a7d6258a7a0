import { describe, expect, it } from 'vitest';
import { fitWithin, keepOriginal, MAX_SIDE } from './downscale';

describe('downscale sizing', () => {
  it('brings the long side to 1600 px keeping the ratio', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4032, 1816)).toEqual({ width: 1600, height: 721 });
  });
  it('never enlarges and never collapses to zero', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(MAX_SIDE, 10)).toEqual({ width: 1600, height: 10 });
    expect(fitWithin(100000, 10)).toEqual({ width: 1600, height: 1 });
    expect(fitWithin(0, 10)).toEqual({ width: 0, height: 0 });
    expect(fitWithin(Number.NaN, 10)).toEqual({ width: 0, height: 0 });
  });
  it('keeps small photos in a format the server takes as they are', () => {
    expect(keepOriginal('image/jpeg', 400_000, 1200, 900)).toBe(true);
    expect(keepOriginal('image/png', 400_000, 1200, 900)).toBe(true);
    expect(keepOriginal('image/jpeg', 400_000, 4000, 3000)).toBe(false);
    expect(keepOriginal('image/jpeg', 5_000_000, 1200, 900)).toBe(false);
    expect(keepOriginal('image/heic', 400_000, 1200, 900)).toBe(false);
  });
});
