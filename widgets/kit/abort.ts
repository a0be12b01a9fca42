import { RapportError } from './errors.js';

/** Resolves after `ms`, or rejects with `ABORTED` as soon as `signal` aborts (a widget reloaded or torn down). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new RapportError('ABORTED', 'request aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/** `value`, or an AbortError as soon as `signal` aborts: a getToken that never settles still ends with the timeout. */
export function untilAborted<V>(value: V | Promise<V>, signal: AbortSignal): Promise<V> {
  if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
  return new Promise<V>((resolve, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', abort, { once: true });
    Promise.resolve(value).then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
