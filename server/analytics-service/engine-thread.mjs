// A worker thread of the engine pool (engine-pool.ts): loads the TypeScript engines through tsx, as bin/rapport.js
// loads the CLI, and runs the one each task names. Results go back with their typed arrays' buffers transferred,
// not copied: a 300,000-tie network is about 14 MB that the event loop would otherwise copy on arrival.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const { engines } = await import('./engines.ts');

export default ({ name, args }) => {
  const result = engines[name](...args);
  const buffers = new Set();
  collectBuffers(result, buffers);
  if (buffers.size === 0) return result;
  return move({
    get [transferableSymbol]() {
      return [...buffers];
    },
    get [valueSymbol]() {
      return result;
    },
  });
};

/** The ArrayBuffers under `value`'s typed arrays, through its plain objects and arrays. */
function collectBuffers(value, buffers) {
  if (value === null || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    return;
  }
  for (const item of Array.isArray(value) ? value : Object.values(value)) collectBuffers(item, buffers);
}
