// graphology-layout-forceatlas2 ships types for its layout functions only; these are the modules they are made of.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  /** One iteration over the node matrix (10 numbers a node) and edge matrix (source, target, weight), in place. */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}
declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { Attributes } from 'graphology-types';
  import type Graph from 'graphology';
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (edge: string, attributes: Attributes) => number,
  ): { nodes: Float32Array; edges: Float32Array };
  export function validateSettings(settings: object): { message: string } | null;
}
declare module '*?worker&inline' {
  /** Vite's inline worker: the bundled module as a Blob URL, so the page needs no same-origin worker file. */
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
