// Grid clustering for the report map: points are projected to screen pixels at the current
// zoom and binned into square cells; each non-empty cell becomes one marker at the mean
// position of its points. O(n) per redraw, so 10,000 reports re-cluster in a few ms.
export interface ClusterInput {
  x: number; // projected pixel position
  y: number;
}

export interface Cluster {
  x: number;
  y: number;
  members: number[]; // indexes into the input
}

export function gridCluster(points: readonly ClusterInput[], cellSize: number): Cluster[] {
  const cells = new Map<string, { sx: number; sy: number; members: number[] }>();
  points.forEach((p, i) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
    const key = `${Math.floor(p.x / cellSize)}:${Math.floor(p.y / cellSize)}`;
    let c = cells.get(key);
    if (!c) {
      c = { sx: 0, sy: 0, members: [] };
      cells.set(key, c);
    }
    c.sx += p.x;
    c.sy += p.y;
    c.members.push(i);
  });
  return [...cells.values()].map((c) => ({
    x: c.sx / c.members.length,
    y: c.sy / c.members.length,
    members: c.members,
  }));
}

/** Marker size by count: small for single reports, growing slowly (log) for big clusters. */
export function clusterRadius(count: number): number {
  if (count <= 1) return 8;
  return Math.min(28, Math.round(12 + 4 * Math.log10(count) * 2));
}
