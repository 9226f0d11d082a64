/**
 * Compressed sparse row adjacency built from parallel edge arrays by counting sort: O(nodes + edges),
 * no per-edge objects, so a full ESCO graph indexes in a few milliseconds.
 *
 * @module
 */

/** Neighbours of every node: `targets[offsets[i] .. offsets[i+1]]`, with the edge index alongside. */
export interface Adjacency {
  readonly offsets: Uint32Array;
  readonly targets: Int32Array;
  /** Index of the underlying edge row, to read edge attributes such as the relation type. */
  readonly edges: Int32Array;
}

/** Builds the adjacency `from[e] → to[e]` for all edges whose endpoints are both valid (≥ 0). */
export function buildAdjacency(nodeCount: number, from: Int32Array, to: Int32Array): Adjacency {
  const offsets = new Uint32Array(nodeCount + 1);
  const edgeCount = from.length;
  for (let e = 0; e < edgeCount; e++) {
    const a = from[e]!;
    if (a >= 0 && to[e]! >= 0) offsets[a + 1]!++;
  }
  for (let i = 0; i < nodeCount; i++) offsets[i + 1]! += offsets[i]!;
  const total = offsets[nodeCount]!;
  const targets = new Int32Array(total);
  const edges = new Int32Array(total);
  const fill = offsets.slice(0, nodeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = from[e]!;
    const b = to[e]!;
    if (a < 0 || b < 0) continue;
    const at = fill[a]!++;
    targets[at] = b;
    edges[at] = e;
  }
  return { offsets, targets, edges };
}

/** Calls `visit(target, edge)` for every neighbour of `node`. */
export function forEachNeighbour(
  adjacency: Adjacency,
  node: number,
  visit: (target: number, edge: number) => void,
): void {
  const end = adjacency.offsets[node + 1] ?? 0;
  for (let at = adjacency.offsets[node] ?? 0; at < end; at++) visit(adjacency.targets[at]!, adjacency.edges[at]!);
}

/** Number of neighbours of `node`. */
export function degree(adjacency: Adjacency, node: number): number {
  return (adjacency.offsets[node + 1] ?? 0) - (adjacency.offsets[node] ?? 0);
}
