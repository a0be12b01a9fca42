import type { ClassifyOptions, ModelOptions, Prediction, Probabilities, SentimentModel } from './types.js';

/**
 * What `vocab.json`'s `cascade` says: a model that is consulted only where a faster one, its `gate`, is unsure — where
 * the gate's two most probable classes are less than `margin` apart.
 */
export interface CascadeConfig {
  /** The gate model's name: a sibling folder of the model's own. */
  gate: string;
  /** 0 < margin ≤ 1; above 1 every text would go to the full model. */
  margin: number;
}

/** Throws unless `cascade` is a usable `CascadeConfig` for the model `id`. */
export function checkCascade(id: string, cascade: unknown): void {
  const c = cascade as CascadeConfig;
  if (typeof c?.gate !== 'string' || !/^[a-z0-9-]+$/.test(c.gate) || c.gate === id) {
    throw new Error(`rapport/models: model ${id}'s cascade needs a gate model's name other than its own.`);
  }
  if (typeof c.margin !== 'number' || !(c.margin > 0 && c.margin <= 1)) {
    throw new Error(`rapport/models: model ${id}'s cascade margin must be a number in (0, 1].`);
  }
}

/** The most probable class's lead over the second. */
export function topMargin(p: Probabilities): number {
  const [a, b] = [p.negative, p.neutral, p.positive].sort((x, y) => y - x);
  return a! - b!;
}

/**
 * Loads a model behind its gate, if it has one: `loadGate` gets the options with `calibrated: true` (the gate is served
 * as it is; `calibrated: false` is about the model's own graph), and if the model itself then fails to load, the
 * gate's session is not left behind. Both backends load cascades through this.
 */
export async function behindGate<O extends ModelOptions>(
  margin: number | null,
  options: O,
  loadGate: (options: O) => Promise<SentimentModel>,
  loadOwn: () => Promise<SentimentModel>,
): Promise<SentimentModel> {
  const gate = margin != null && options.cascade !== false ? await loadGate({ ...options, calibrated: true }) : null;
  try {
    const model = await loadOwn();
    return gate ? cascade(model, gate, margin!) : model;
  } catch (err) {
    await gate?.dispose();
    throw err;
  }
}

/**
 * Every text goes through `gate`; those it is unsure of (`topMargin` below `margin`) go through `full` as well, whose
 * prediction replaces the gate's. The choice is made per text, so a text's result never depends on its batch. The
 * cascade answers with `full`'s id: the id names the whole, not the model that answered one text.
 */
export function cascade(full: SentimentModel, gate: SentimentModel, margin: number): SentimentModel {
  async function classify(texts: readonly string[], opts: ClassifyOptions = {}): Promise<Prediction[]> {
    const out = await gate.classify(texts, opts);
    const unsure = out.flatMap((p, i) => (topMargin(p.probabilities) < margin ? [i] : []));
    if (unsure.length > 0) {
      const second = await full.classify(unsure.map((i) => texts[i]!), opts);
      unsure.forEach((i, k) => (out[i] = second[k]!));
    }
    return out;
  }
  return {
    id: full.id,
    classify,
    dispose: async () => {
      await Promise.all([full.dispose(), gate.dispose()]);
    },
  };
}
