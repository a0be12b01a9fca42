/**
 * Flattens batches of rows into one async iterable of rows. Hand-rolled rather than an async generator: a
 * generator's per-item `yield` costs about three times as much, which is ~0.3 s over Online Retail's 541,909 rows.
 */
export function flatten<T>(batches: AsyncIterable<readonly T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = batches[Symbol.asyncIterator]();
      let batch: readonly T[] = [];
      let i = 0;
      const next = (): Promise<IteratorResult<T>> => {
        if (i < batch.length) return Promise.resolve({ value: batch[i++]!, done: false });
        return source.next().then((result) => {
          if (result.done) return { value: undefined, done: true };
          batch = result.value;
          i = 0;
          return next();
        });
      };
      return {
        next,
        async return(): Promise<IteratorResult<T>> {
          batch = [];
          await source.return?.();
          return { value: undefined, done: true };
        },
      };
    },
  };
}
