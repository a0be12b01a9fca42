import type { FloatOutput, GraphRunner } from './types.js';

/** What both onnxruntime packages' sessions offer (they share onnxruntime-common's API). */
interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, never>): Promise<Record<string, { data: unknown; dims: readonly number[] }>>;
  release(): Promise<void>;
}

type TensorClass = new (type: 'int32', data: Int32Array, dims: readonly number[]) => unknown;

/** Adapts an onnxruntime session (node or web) to the backend-independent `GraphRunner`. */
export function sessionRunner(session: OrtSession, Tensor: TensorClass): GraphRunner {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds) {
      const tensors: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(feeds)) tensors[k] = new Tensor('int32', v.data, [...v.dims]);
      const out = await session.run(tensors as Record<string, never>);
      const result: Record<string, FloatOutput> = {};
      for (const [k, v] of Object.entries(out)) result[k] = { data: v.data as Float32Array, dims: v.dims };
      return result;
    },
    release: () => session.release(),
  };
}
