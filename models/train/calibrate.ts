/**
 * `npm run models:calibrate [-- name…]`: fits each committed model's temperature on the validation parts and writes it
 * into its `vocab.json` (`temperature.ts`); every model by default. It reads the graph's own probabilities, so running
 * it again gives the same temperatures. A cascade's gate is fitted before the cascade that reads it. Run
 * `npm run models:eval` afterwards to refresh the cards; `npm run models:train` calls it for every model it builds.
 */
import { loadCorpus } from '../data/index.js';
import { MODEL_NAMES } from '../inference/node.js';
import { calibrateAll } from './temperature.js';

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(MODEL_NAMES as readonly string[]).includes(n));
if (unknown.length) {
  console.error(`rapport/models: no model named ${unknown.join(', ')} (models: ${MODEL_NAMES.join(', ')}).`);
  process.exit(2);
}
await calibrateAll(loadCorpus(), names.length ? names : MODEL_NAMES);
