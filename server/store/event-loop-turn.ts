/**
 * PGlite runs in this thread, and a chain of awaited statements never leaves the microtask queue: under load one
 * event-loop turn could run every queued request's statements back to back, for seconds. libuv (1.45+, Node 20)
 * accepts one new connection per turn, so during such turns new connections waited in the kernel's accept queue
 * past clients' timeouts (docs/deployment.md, "Measured capacity"). Before each statement, `endTurnIfLong` hands
 * the loop back once the current stretch of work has lasted `TURN_MS`: turns stay short, and the cost is at most
 * one `setImmediate` per `TURN_MS` of work.
 */
export const TURN_MS = 10;

let since = performance.now();

export function endTurnIfLong(): Promise<void> | undefined {
  if (performance.now() - since < TURN_MS) return undefined;
  return new Promise((resolve) =>
    setImmediate(() => {
      since = performance.now();
      resolve();
    }),
  );
}
