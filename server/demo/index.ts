export type { DemoData, DemoTruth } from './data.js';
export { generateDemo, generateDemoWithTruth } from './generate.js';
export { DEFAULTS, type DemoOptions } from './options.js';
