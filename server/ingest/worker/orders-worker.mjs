// The worker's entry: plain JavaScript, so it loads however the parent runs (tsx, vitest, bin/rapport.js), and
// registers tsx itself to load the TypeScript. The worker does not inherit the parent's loader hooks.
import { register } from 'tsx/esm/api';

register();
await import('./orders-worker.ts');
