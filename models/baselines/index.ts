export { afinnBaseline, afinnLabel } from './afinn.js';
export type { Baseline } from './baseline.js';
export { majorityBaseline } from './majority.js';
export { vaderBaseline, vaderLabel } from './vader.js';
