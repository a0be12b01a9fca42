export { generateDemo, generateDemoWithTruth } from './generate.js';
export { DEFAULTS, type DemoData, type DemoOptions } from './options.js';
export type { DemoTruth } from './truth.js';
