/** `npm run models:eval`: evaluates the committed models and the baselines, regenerating cards and the README table. */
import { runEvaluation } from './run.js';

await runEvaluation();
