import type { ModelMetrics } from './model-metrics.js';

/** Budgets the default must meet (SPEC targets): ONNX ≤ 5 MB, ≥ 5,000 texts/s on the server at batch 64. */
export const DEFAULT_BUDGET = { maxOnnxBytes: 5_000_000, minTextsPerSecond: 5_000 };

/** The default: best validation score among the models within budget (all models if none is). */
export function chooseDefault(results: readonly ModelMetrics[]): { name: string; reason: string } {
  if (results.length === 0) throw new Error('rapport/models: no trained model to choose a default from.');
  const within = results.filter((m) => m.onnxBytes <= DEFAULT_BUDGET.maxOnnxBytes && m.speed.nodeBatch64 >= DEFAULT_BUDGET.minTextsPerSecond);
  const pool = within.length ? within : results;
  const ranked = [...pool].sort((a, b) => b.selectionScore - a.selectionScore);
  const best = ranked[0]!;
  const others = results.filter((m) => m !== best).map((m) => `\`${m.model}\` ${m.selectionScore.toFixed(3)}`).join(', ');
  const reason =
    `Chosen on validation only: score = airline validation macro-F1 + 0.5 × Financial PhraseBank validation ` +
    `macro-F1 = ${best.selectionScore.toFixed(3)} (others: ${others || 'none'}), among models within the budget ` +
    `(ONNX ≤ 5 MB, ≥ 5,000 texts/s at batch 64 on onnxruntime-node)${within.length ? '' : ' — none met it, so all were ranked'}.`;
  return { name: best.model, reason };
}
