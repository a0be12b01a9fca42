/**
 * Temperature scaling (Guo et al. 2017): each row of class probabilities p becomes p^(1/T), renormalised — the
 * softmax of the log-probabilities divided by T. T > 1 softens an over-confident model. The order of the classes in a
 * row never changes, so neither does the predicted label. `vocab.json`'s `temperature` is fitted on validation
 * (`models/train/temperature.ts`); absent means 1.
 */
export function applyTemperature(probs: Float32Array, temperature: number, classes = 3): Float32Array {
  if (temperature === 1) return probs;
  const row = new Float64Array(classes);
  for (let r = 0; r < probs.length; r += classes) {
    let max = -Infinity;
    for (let k = 0; k < classes; k++) {
      row[k] = Math.log(probs[r + k]!) / temperature;
      if (row[k]! > max) max = row[k]!;
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += row[k] = Math.exp(row[k]! - max);
    for (let k = 0; k < classes; k++) probs[r + k] = row[k]! / sum;
  }
  return probs;
}

/** Throws unless `temperature` is absent or a usable temperature for the model `id`. */
export function checkTemperature(id: string, temperature: unknown): void {
  if (temperature == null) return;
  if (typeof temperature !== 'number' || !(temperature >= 0.05 && temperature <= 20)) {
    throw new Error(`rapport/models: model ${id}'s temperature must be a number in [0.05, 20].`);
  }
}
